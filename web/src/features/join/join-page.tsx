import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { JoinInfo, ReadinessSummary, ReadinessVerdict } from '@visite/contracts';
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
import { ConsentStep } from './consent-step';
import { joinApi } from './join-api';
import { PermissionHelp } from './permission-help';
import { PracticeHelp } from './practice-help';
import { PreCallCheck } from './pre-call-check';
import { readinessApi } from './readiness-api';
import { useWaitingRoom } from './use-waiting-room';
import { WaitingRoom } from './waiting-room';

/** The patient's steps, in order (each screen owns one). */
type Step = 'intro' | 'check' | 'consent' | 'waiting' | 'consultation';

/** A visit further away than this: the intro says the check can be run now, days ahead. */
const EARLY_CHECK_MS = 60 * 60_000;

export interface ConsultationSlotProps {
  token: string;
  localStream: MediaStream;
  doctorName: string;
  /** The practice's phone, for the "what to do" help when the connection stays broken. */
  practicePhone: string | null;
  visitEnded: boolean;
}

/**
 * The patient's path: explanation → device check → consent → waiting room → consultation.
 * The consultation itself is rendered by the app (`renderConsultation`), keeping features apart.
 */
export function JoinPage({ renderConsultation, renderEnded }: { renderConsultation: (props: ConsultationSlotProps) => ReactNode; renderEnded?: (token: string) => ReactNode }) {
  const { token = '' } = useParams();
  const { t } = useTranslation(['join', 'media', 'common', 'precheck', 'consent-flow']);
  const format = useFormat();
  const [info, setInfo] = useState<JoinInfo | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [step, setStep] = useState<Step>('intro');
  const local = useLocalMedia();
  const [verdict, setVerdict] = useState<ReadinessVerdict | null>(null);
  const [lastCheck, setLastCheck] = useState<ReadinessSummary | null>(null);
  const onVerdict = useCallback((v: ReadinessVerdict | null) => setVerdict(v), []);
  const inApp = detectInAppBrowser(navigator.userAgent);
  const realtime = useWaitingRoom(token, step === 'waiting' || step === 'consultation', step === 'waiting');

  useEffect(() => {
    joinApi.info(token).then(
      (loaded) => {
        setInfo(loaded);
      },
      (e: unknown) => setLoadError(errorMessage(e)),
    );
    readinessApi.latest(token).then(
      (r) => setLastCheck(r.latest),
      () => undefined,
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
        {info.status === 'completed' && renderEnded?.(token)}
      </EndedNotice>
    );

  if (step === 'consultation' && local.media)
    return <>{renderConsultation({ token, localStream: local.media.stream, doctorName: info.doctorName, practicePhone: info.practice.phone, visitEnded: realtime.ended })}</>;

  const startCheck = async () => {
    // After a refusal this asks again for real (a new getUserMedia), so a permission allowed meanwhile is seen.
    const media = local.error ? await local.reacquire() : await local.acquire();
    if (!media) return;
    if (info.status === 'in_progress' && info.consentGiven) setStep('consultation');
    else setStep('check');
  };

  const enter = () => {
    // The check's verdict decides how the visit starts: audio when video would freeze (the camera can be turned on later).
    if (verdict?.modality === 'audio' && local.media?.hasVideo) local.media.stream.getVideoTracks().forEach((track) => (track.enabled = false));
    setStep('consent');
  };

  const consented = (current: JoinInfo) => {
    setInfo(current);
    setStep(current.status === 'in_progress' ? 'consultation' : 'waiting');
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
      {info.status === 'scheduled' && (
        <p>
          <Link to={`/join/${token}/appointment`} data-testid="join-manage">{t('manageAppointment')}</Link>
        </p>
      )}
    </header>
  );

  if (step === 'waiting' && local.media)
    return (
      <CardPage>
        {header}
        <WaitingRoom room={realtime} doctorName={info.doctorName} media={local.media} />
      </CardPage>
    );

  if (step === 'consent' && local.media)
    return (
      <CardPage wide>
        {header}
        <ConsentStep token={token} info={info} audioOnly={!local.media.hasVideo || verdict?.modality === 'audio'} onConsented={consented} />
      </CardPage>
    );

  if (step === 'check' && local.media)
    return (
      <CardPage wide>
        {header}
        <PreCallCheck token={token} practice={info.practice} media={local.media} reacquire={local.reacquire} acquiring={local.acquiring} onVerdict={onVerdict} />
        {/* The next step stays in view on a phone (sticky), whatever the length of the check above. */}
        <div className="action-bar" data-testid="next-step">
          <button data-testid="device-check-continue" type="button" className="btn btn-primary btn-block btn-large" onClick={enter}>
            {t('consent-flow:continue')}
          </button>
        </div>
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
      {new Date(info.scheduledAt).getTime() - Date.now() > EARLY_CHECK_MS && <p data-testid="early-check">{t('precheck:earlyIntro')}</p>}
      {lastCheck && (
        <p className="muted" data-testid="last-check" data-outcome={lastCheck.outcome}>
          {t('precheck:lastCheck', { when: format.dateTime(lastCheck.checkedAt), outcome: t(`precheck:outcome.${lastCheck.outcome}`) })}
        </p>
      )}
      <ul className="tips">
        <li>{t('intro.tip1')}</li>
        <li>{t('intro.tip2')}</li>
        <li>{t('intro.tip3')}</li>
      </ul>
      {local.error && (
        <Notice
          tone="error"
          title={local.error.kind === 'mic-denied' ? (local.error.cameraDenied ? t('precheck:refused.both') : t('precheck:refused.mic')) : t('media:micUnavailable')}
          testId="media-error"
        >
          <p>{t(`media:mic.${local.error.kind}`)}</p>
          {(local.error.kind === 'mic-denied' || local.error.kind === 'unknown') && <PermissionHelp />}
          <PracticeHelp practice={info.practice} />
          <div className="button-row">
            <button type="button" className="btn btn-secondary" onClick={() => window.location.reload()}>
              {t('check.reload')}
            </button>
          </div>
        </Notice>
      )}
      <div className="action-bar" data-testid="next-step">
        <button data-testid="device-check-start" type="button" className="btn btn-primary btn-block btn-large" disabled={local.acquiring} onClick={() => void startCheck()}>
          {local.acquiring ? t('intro.starting') : local.error ? t('precheck:retryAsk') : new Date(info.scheduledAt).getTime() - Date.now() > EARLY_CHECK_MS ? t('precheck:earlyStart') : t('intro.start')}
        </button>
      </div>
    </CardPage>
  );
}
