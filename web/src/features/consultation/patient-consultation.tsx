import { useTranslation } from 'react-i18next';
import { useCallback } from 'react';
import { useDocumentTitle } from '../../shared/i18n/use-document-title';
import { errorCode } from '../../shared/api/api-error';
import { patientRoomApi } from './consultation-api';
import { ConsultationRoom } from './consultation-room';

export interface PatientConsultationProps {
  token: string;
  localStream: MediaStream;
  doctorName: string;
  practicePhone: string | null;
  /** The realtime channel said the visit ended. */
  visitEnded: boolean;
}

/** The patient's side of the room, entered with the stream acquired during the device check. */
export function PatientConsultation({ token, localStream, doctorName, practicePhone, visitEnded }: PatientConsultationProps) {
  const { t } = useTranslation('consultation');
  useDocumentTitle(t('documentTitle'));
  const getAccess = useCallback(() => patientRoomApi.mediaAccess(token), [token]);
  const hangUp = useCallback(async () => {
    // The patient can always leave, even if telling the server fails.
    await patientRoomApi.end(token).catch((e: unknown) => console.warn('[room] end failed', e));
  }, [token]);
  const checkEnded = useCallback(async () => {
    try {
      const info = await patientRoomApi.info(token);
      return info.status === 'completed' || info.status === 'cancelled';
    } catch (e) {
      // The link stops working once the visit is over.
      const code = errorCode(e);
      return code === 'JOIN_LINK_INVALID' || code === 'JOIN_LINK_EXPIRED';
    }
  }, [token]);

  return (
    <ConsultationRoom
      localStream={localStream}
      getAccess={getAccess}
      hangUp={hangUp}
      endedExternally={visitEnded}
      checkEnded={checkEnded}
      remoteLabel={doctorName}
      hangUpLabel={t('hangUp')}
      endedContent={<p>{t('endedPatient')}</p>}
      troubleHelp={
        <>
          <p>{t('help.intro')}</p>
          <ul>
            <li>{t('help.otherBrowser')}</li>
            <li>{t('help.otherNetwork')}</li>
            <li>
              {practicePhone ? (
                <a href={`tel:${practicePhone.replace(/[^+\d]/g, '')}`}>{t('help.callPractice', { phone: practicePhone })}</a>
              ) : (
                t('help.callPracticeNoPhone')
              )}
            </li>
          </ul>
        </>
      }
    />
  );
}
