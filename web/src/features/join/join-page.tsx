import { useEffect, useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import type { JoinInfo } from '@visite/contracts';
import { errorMessage } from '../../shared/api/api-error';
import { detectInAppBrowser } from '../../shared/lib/in-app-browser';
import { formatDateTime } from '../../shared/lib/format-time';
import { useLocalMedia } from '../../media/use-local-media';
import { CardPage } from '../../shared/ui/card-page';
import { CopyButton } from '../../shared/ui/copy-button';
import { EndedNotice } from '../../shared/ui/ended-notice';
import { Notice } from '../../shared/ui/notice';
import { Spinner } from '../../shared/ui/spinner';
import { DeviceCheck } from './device-check';
import { joinApi } from './join-api';
import { PermissionHelp } from './permission-help';
import { JOIN_TEXT } from './strings';
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

  useEffect(() => {
    document.title = info ? `Visite — ${info.doctorName}` : 'Visite';
  }, [info]);

  if (loadError)
    return (
      <CardPage>
        <div data-testid="join-error" role="alert">
          <h1>{JOIN_TEXT.invalidTitle}</h1>
          <p>{loadError}</p>
          <p className="muted">{JOIN_TEXT.invalidHelp}</p>
        </div>
      </CardPage>
    );
  if (!info) return <Spinner label={JOIN_TEXT.loading} />;

  if (info.status === 'cancelled')
    return (
      <EndedNotice title={JOIN_TEXT.cancelled}>
        <p>{JOIN_TEXT.cancelledHelp}</p>
      </EndedNotice>
    );
  if (info.status === 'completed' || (step === 'waiting' && realtime.ended))
    return (
      <EndedNotice title={JOIN_TEXT.ended}>
        <p>{JOIN_TEXT.endedHelp}</p>
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
      <p>{JOIN_TEXT.greeting(info.patientFirstName)}</p>
      <p>
        {JOIN_TEXT.appointmentWith}{' '}
        <strong data-testid="join-doctor-name">{info.doctorName}</strong> {JOIN_TEXT.at} {formatDateTime(info.scheduledAt)}
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
          <h2 id="consent-title">{JOIN_TEXT.consent.title}</h2>
          <div className="consent-text" tabIndex={0}>
            {info.consent.text.split(/\n{2,}/).map((paragraph, i) => (
              <p key={i}>{paragraph}</p>
            ))}
          </div>
          <label className="checkbox">
            <input data-testid="consent-checkbox" type="checkbox" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} />
            <span>{JOIN_TEXT.consent.accept}</span>
          </label>
          {actionError && <Notice tone="error">{actionError}</Notice>}
          <button
            data-testid="enter-waiting-room"
            type="button"
            className="btn btn-primary btn-block btn-large"
            disabled={!accepted || submitting}
            onClick={() => void enter()}
          >
            {submitting ? JOIN_TEXT.consent.entering : info.status === 'in_progress' ? JOIN_TEXT.consent.join : JOIN_TEXT.consent.enter}
          </button>
        </section>
      </CardPage>
    );

  // Intro: explain before asking for the camera and microphone.
  return (
    <CardPage>
      {header}
      {inApp.inApp && (
        <Notice tone="warning" title="Open this link in your browser">
          <p>{JOIN_TEXT.inApp(inApp.app)}</p>
          <CopyButton text={window.location.href} label={JOIN_TEXT.copyLink} />
        </Notice>
      )}
      <h1>{JOIN_TEXT.intro.title}</h1>
      <p>{JOIN_TEXT.intro.why}</p>
      <ul className="tips">
        {JOIN_TEXT.intro.tips.map((tip) => (
          <li key={tip}>{tip}</li>
        ))}
      </ul>
      {local.error && (
        <Notice tone="error" title={local.error.message}>
          {(local.error.kind === 'mic-denied' || local.error.kind === 'unknown') && <PermissionHelp />}
          <div className="button-row">
            <button type="button" className="btn btn-secondary" onClick={() => window.location.reload()}>
              {JOIN_TEXT.check.reload}
            </button>
          </div>
        </Notice>
      )}
      <button data-testid="device-check-start" type="button" className="btn btn-primary btn-block btn-large" disabled={local.acquiring} onClick={() => void startCheck()}>
        {local.acquiring ? JOIN_TEXT.intro.starting : local.error ? JOIN_TEXT.check.retry : JOIN_TEXT.intro.start}
      </button>
    </CardPage>
  );
}
