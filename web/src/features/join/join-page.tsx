import { useEffect, useState, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { JoinInfo } from '@visite/contracts';
import { errorMessage } from '../../shared/api/api-error';
import { detectInAppBrowser } from '../../shared/lib/in-app-browser';
import { useLocalMedia } from '../../media/use-local-media';
import { useDocumentTitle } from '../../shared/i18n/use-document-title';
import { useFormat } from '../../shared/i18n/use-format';
import { CardPage } from '../../shared/ui/card-page';
import { CopyButton } from '../../shared/ui/copy-button';
import { EndedNotice } from '../../shared/ui/ended-notice';
import { Notice } from '../../shared/ui/notice';
import { Spinner } from '../../shared/ui/spinner';
import { DeviceCheck } from './device-check';
import { joinApi } from './join-api';
import { PermissionHelp } from './permission-help';
import { useWaitingRoom } from './use-waiting-room';
import { WaitingRoom } from './waiting-room';

type Step = 'intro' | 'check' | 'waiting' | 'consultation';

export interface ConsultationSlotProps {
  token: string;
  localStream: MediaStream;
  doctorName: string;
  visitEnded: boolean;
}

/**
 * The patient's path: explanation → device check and consent → waiting room → consultation.
 * The consultation itself is rendered by the app (`renderConsultation`), keeping features apart.
 */
export function JoinPage({ renderConsultation }: { renderConsultation: (props: ConsultationSlotProps) => ReactNode }) {
  const { token = '' } = useParams();
  const { t } = useTranslation(['join', 'media', 'common']);
  const format = useFormat();
  const [info, setInfo] = useState<JoinInfo | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [step, setStep] = useState<Step>('intro');
  const [accepted, setAccepted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const local = useLocalMedia();
  const inApp = detectInAppBrowser(navigator.userAgent);
  const realtime = useWaitingRoom(token, step === 'waiting' || step === 'consultation', step === 'waiting');

  useEffect(() => {
    joinApi.info(token).then(
      (loaded) => {
        setInfo(loaded);
        setAccepted(loaded.consentGiven);
      },
      (e: unknown) => setLoadError(errorMessage(e)),
    );
  }, [token]);

  useEffect(() => {
    if (step === 'waiting' && realtime.admitted) setStep('consultation');
  }, [step, realtime.admitted]);

  useDocumentTitle(info ? t('documentTitle', { doctor: info.doctorName }) : t('common:appName'));

  if (loadError)
    return (
      <CardPage>
        <div data-testid="join-error" role="alert">
          <h1>{t('invalidTitle')}</h1>
          <p>{loadError}</p>
          <p className="muted">{t('invalidHelp')}</p>
        </div>
      </CardPage>
    );
  if (!info) return <Spinner label={t('loading')} />;

  if (info.status === 'cancelled')
    return (
      <EndedNotice title={t('cancelled')}>
        <p>{t('cancelledHelp')}</p>
      </EndedNotice>
    );
  if (info.status === 'completed' || (step === 'waiting' && realtime.ended))
    return (
      <EndedNotice title={t('ended')}>
        <p>{t('endedHelp')}</p>
      </EndedNotice>
    );

  if (step === 'consultation' && local.media)
    return <>{renderConsultation({ token, localStream: local.media.stream, doctorName: info.doctorName, visitEnded: realtime.ended })}</>;

  const startCheck = async () => {
    const media = await local.acquire();
    if (!media) return;
    if (info.status === 'in_progress' && info.consentGiven) setStep('consultation');
    else setStep('check');
  };

  const enter = async () => {
    setSubmitting(true);
    setActionError(null);
    try {
      let current = info;
      if (!current.consentGiven) {
        current = await joinApi.consent(token, { version: current.consent.version, accepted: true });
        setInfo(current);
      }
      setStep(current.status === 'in_progress' ? 'consultation' : 'waiting');
    } catch (e) {
      setActionError(errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  };

  const header = (
    <header className="join-header">
      <p>{t('greeting', { firstName: info.patientFirstName })}</p>
      <p>
        <Trans
          t={t}
          i18nKey="appointment"
          values={{ doctor: info.doctorName, when: format.dateTime(info.scheduledAt) }}
          components={{ strong: <strong data-testid="join-doctor-name" /> }}
        />
      </p>
    </header>
  );

  if (step === 'waiting' && local.media)
    return (
      <CardPage>
        {header}
        <WaitingRoom room={realtime} doctorName={info.doctorName} media={local.media} />
      </CardPage>
    );

  if (step === 'check' && local.media)
    return (
      <CardPage wide>
        {header}
        <DeviceCheck media={local.media} />
        <section className="consent" aria-labelledby="consent-title">
          <h2 id="consent-title">{t('consent.title')}</h2>
          <div className="consent-text" tabIndex={0}>
            {info.consent.text.split(/\n{2,}/).map((paragraph, i) => (
              <p key={i}>{paragraph}</p>
            ))}
          </div>
          <label className="checkbox">
            <input data-testid="consent-checkbox" type="checkbox" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} />
            <span>{t('consent.accept')}</span>
          </label>
          {actionError && <Notice tone="error">{actionError}</Notice>}
          <button
            data-testid="enter-waiting-room"
            type="button"
            className="btn btn-primary btn-block btn-large"
            disabled={!accepted || submitting}
            onClick={() => void enter()}
          >
            {submitting ? t('consent.entering') : info.status === 'in_progress' ? t('consent.join') : t('consent.enter')}
          </button>
        </section>
      </CardPage>
    );

  // Intro: explain before asking for the camera and microphone.
  return (
    <CardPage>
      {header}
      {inApp.inApp && (
        <Notice tone="warning" title={t('inApp.title')}>
          <p>{inApp.app ? t('inApp.named', { app: inApp.app }) : t('inApp.unnamed')}</p>
          <CopyButton text={window.location.href} label={t('inApp.copyLink')} />
        </Notice>
      )}
      <h1>{t('intro.title')}</h1>
      <p>{t('intro.why')}</p>
      <ul className="tips">
        <li>{t('intro.tip1')}</li>
        <li>{t('intro.tip2')}</li>
        <li>{t('intro.tip3')}</li>
      </ul>
      {local.error && (
        <Notice tone="error" title={t(`media:mic.${local.error.kind}`)}>
          {(local.error.kind === 'mic-denied' || local.error.kind === 'unknown') && <PermissionHelp />}
          <div className="button-row">
            <button type="button" className="btn btn-secondary" onClick={() => window.location.reload()}>
              {t('check.reload')}
            </button>
          </div>
        </Notice>
      )}
      <button data-testid="device-check-start" type="button" className="btn btn-primary btn-block btn-large" disabled={local.acquiring} onClick={() => void startCheck()}>
        {local.acquiring ? t('intro.starting') : local.error ? t('check.retry') : t('intro.start')}
      </button>
    </CardPage>
  );
}
