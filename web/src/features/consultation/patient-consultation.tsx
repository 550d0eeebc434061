import { useTranslation } from 'react-i18next';
import { useCallback, useState } from 'react';
import { stopStream } from '../../media/local-media';
import { CardPage } from '../../shared/ui/card-page';
import { useDocumentTitle } from '../../shared/i18n/use-document-title';
import { errorCode } from '../../shared/api/api-error';
import { patientRoomApi } from './consultation-api';
import { ConsultationRoom } from './consultation-room';
import { WithdrawConsent } from './withdraw-consent';

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
  const { t } = useTranslation(['consultation', 'consent-flow']);
  useDocumentTitle(t('documentTitle'));
  const [withdrawn, setWithdrawn] = useState(false);
  // The server refuses every media token from now on and the SFU drops this peer; leaving the room here
  // and turning the camera and microphone off makes it so on this side too.
  const withdraw = useCallback(async () => {
    await patientRoomApi.withdrawConsent(token);
    stopStream(localStream);
    setWithdrawn(true);
  }, [token, localStream]);
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

  if (withdrawn)
    return (
      <CardPage>
        <h1>{t('consent-flow:withdraw.doneTitle')}</h1>
        <p data-testid="consent-withdrawn" role="status">{t('consent-flow:withdraw.doneText')}</p>
        {/* Consenting again goes through the texts once more (the page starts over). */}
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          {t('consent-flow:withdraw.giveAgain')}
        </button>
      </CardPage>
    );

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
      aside={<WithdrawConsent withdraw={withdraw} />}
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
