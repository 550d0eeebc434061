import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  judgeReadiness,
  type DeviceState,
  type JoinInfo,
  type NetworkFigures,
  type ReadinessReport,
  type ReadinessVerdict,
  type SpeakerState,
} from '@visite/contracts';
import { deviceIdOf, type CameraIssue, type DeviceChoice, type LocalMedia } from '../../media/local-media';
import { StreamVideo } from '../../media/media-element';
import { runNetworkCheck, type NetworkCheckPhase } from '../../media/network-check';
import { canChooseSpeaker, playTestTone } from '../../media/test-tone';
import { useAudioLevel } from '../../media/use-audio-level';
import { useDevices } from '../../media/use-devices';
import { detectBrowserFamily } from '../../shared/lib/browser-help';
import { detectInAppBrowser } from '../../shared/lib/in-app-browser';
import { MicIcon } from '../../shared/ui/icons';
import { Notice } from '../../shared/ui/notice';
import { PermissionHelp } from './permission-help';
import { PracticeHelp } from './practice-help';
import { readinessApi, serverCheckReporter, type CheckReporter } from './readiness-api';

const CAMERA_STATE: Record<CameraIssue, DeviceState> = { 'no-camera': 'none', 'camera-denied': 'denied', 'camera-in-use': 'in-use', 'camera-failed': 'failed' };

export interface PreCallCheckProps {
  token: string;
  practice: JoinInfo['practice'];
  media: LocalMedia;
  /** A new getUserMedia (another device, or the camera asked for again). */
  reacquire: (choice: DeviceChoice) => Promise<LocalMedia | null>;
  acquiring: boolean;
  /** The verdict so far (null until the network test has run): it decides how the visit starts. */
  onVerdict: (verdict: ReadinessVerdict | null) => void;
  reporter?: CheckReporter;
}

/**
 * The pre-call check: camera preview, microphone level, device choice, speaker test and the network
 * test through the real media path (a check room of the SFU), with a plain verdict. Each finished run
 * is reported (the practice sees the patient's readiness).
 */
export function PreCallCheck({ token, practice, media, reacquire, acquiring, onVerdict, reporter = serverCheckReporter }: PreCallCheckProps) {
  const { t } = useTranslation(['precheck', 'join', 'media']);
  const level = useAudioLevel(media.stream);
  const devices = useDevices(media.stream);
  const audioTrack = media.stream.getAudioTracks()[0];
  const videoTrack = media.stream.getVideoTracks()[0];
  const [speakerId, setSpeakerId] = useState('');
  const [speaker, setSpeaker] = useState<SpeakerState>('not-tested');
  const [playing, setPlaying] = useState(false);
  const [phase, setPhase] = useState<NetworkCheckPhase | 'idle'>('idle');
  const [figures, setFigures] = useState<NetworkFigures | null>(null);
  const [run, setRun] = useState(0);
  const resultRef = useRef<HTMLDivElement>(null);

  // The network test: on arrival, after a device change, and on "test again".
  useEffect(() => {
    let live = true;
    setFigures(null);
    void runNetworkCheck({ getAccess: () => readinessApi.checkAccess(token), stream: media.stream, onPhase: (p) => live && setPhase(p) }).then((result) => {
      if (live) setFigures(result);
    });
    return () => {
      live = false;
    };
  }, [token, media.stream, run]);

  const report: ReadinessReport | null = useMemo(
    () =>
      figures && {
        camera: media.cameraIssue ? CAMERA_STATE[media.cameraIssue] : media.hasVideo ? 'ok' : 'none',
        microphone: 'ok',
        speaker,
        network: figures,
        browser: detectBrowserFamily(navigator.userAgent),
        inAppBrowser: detectInAppBrowser(navigator.userAgent).inApp,
      },
    [figures, speaker, media],
  );
  const verdict = useMemo(() => (report ? judgeReadiness(report) : null), [report]);

  useEffect(() => {
    onVerdict(verdict);
  }, [verdict, onVerdict]);

  // Every finished run (and a later answer to the speaker test) is stored; a failure to store blocks nothing.
  useEffect(() => {
    if (report) void reporter.report(token, report).catch(() => undefined);
  }, [report, reporter, token]);

  // A verdict that needs action is brought into view (phones: it may be below the fold).
  useEffect(() => {
    if (verdict && verdict.network !== 'good') resultRef.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [verdict]);

  const testSpeaker = async () => {
    setPlaying(true);
    try {
      await playTestTone(speakerId || undefined);
    } catch {
      // Played nowhere: the question below still tells.
    } finally {
      setPlaying(false);
    }
  };

  const choose = (choice: DeviceChoice) =>
    void reacquire({ audioDeviceId: deviceIdOf(audioTrack) || undefined, videoDeviceId: deviceIdOf(videoTrack) || undefined, ...choice });

  const deviceLabel = (d: MediaDeviceInfo, i: number) => d.label || t('devices.unnamed', { n: i + 1 });
  const testing = phase === 'connecting' || phase === 'measuring';
  const networkVerdictKey = verdict
    ? verdict.network === 'audio-only' || (verdict.network === 'good' && verdict.modality === 'audio')
      ? media.hasVideo && verdict.network === 'audio-only'
        ? 'verdict.audio-only'
        : 'verdict.audio-only-no-camera'
      : `verdict.${verdict.network}`
    : null;

  return (
    <section className="device-check" aria-labelledby="check-title" data-testid="pre-call-check">
      <h2 id="check-title">{t('title')}</h2>
      <div className="preview">
        <StreamVideo stream={media.stream} data-testid="device-preview" className="mirrored" aria-label={t('join:check.yourCamera')} />
        {!media.hasVideo && (
          <div className="preview-placeholder">
            <MicIcon /> {t('join:check.noVideoTitle')}
          </div>
        )}
      </div>
      <div
        className="level"
        role="meter"
        aria-label={t('devices.microphone')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(level * 100)}
        data-testid="mic-level"
      >
        <div className="level-bar" style={{ width: `${Math.round(level * 100)}%` }} />
      </div>
      <p className="muted small">{t('join:check.micLevel')}</p>

      {media.cameraIssue && (
        <Notice tone="warning" title={media.cameraIssue === 'camera-denied' ? t('refused.camera') : t('join:check.noVideoTitle')} testId="camera-issue">
          <p>{t(`media:camera.${media.cameraIssue}`)}</p>
          {media.cameraIssue === 'camera-denied' && <PermissionHelp />}
          {media.cameraIssue !== 'no-camera' && (
            <div className="button-row">
              <button type="button" className="btn btn-secondary" data-testid="retry-camera" disabled={acquiring} onClick={() => choose({})}>
                {t('retryCamera')}
              </button>
            </div>
          )}
        </Notice>
      )}

      <div className="device-choices">
        {devices.cameras.length > 0 && (
          <div className="field">
            <label htmlFor="camera-select">{t('devices.camera')}</label>
            <select id="camera-select" value={deviceIdOf(videoTrack)} disabled={acquiring} onChange={(e) => choose({ videoDeviceId: e.target.value })}>
              {!videoTrack && <option value="">—</option>}
              {devices.cameras.map((d, i) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {deviceLabel(d, i)}
                </option>
              ))}
            </select>
          </div>
        )}
        {devices.microphones.length > 0 && (
          <div className="field">
            <label htmlFor="mic-select">{t('devices.microphone')}</label>
            <select id="mic-select" value={deviceIdOf(audioTrack)} disabled={acquiring} onChange={(e) => choose({ audioDeviceId: e.target.value })}>
              {devices.microphones.map((d, i) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {deviceLabel(d, i)}
                </option>
              ))}
            </select>
          </div>
        )}
        {canChooseSpeaker() && devices.speakers.length > 0 ? (
          <div className="field">
            <label htmlFor="speaker-select">{t('devices.speaker')}</label>
            <select id="speaker-select" value={speakerId} onChange={(e) => setSpeakerId(e.target.value)}>
              <option value="">{t('devices.default')}</option>
              {devices.speakers
                .filter((d) => d.deviceId !== 'default')
                .map((d, i) => (
                  <option key={d.deviceId} value={d.deviceId}>
                    {deviceLabel(d, i)}
                  </option>
                ))}
            </select>
          </div>
        ) : (
          <p className="muted small">{t('devices.speakerDefault')}</p>
        )}
      </div>

      <div className="speaker-test" role="group" aria-labelledby="speaker-title">
        <h3 id="speaker-title">{t('speaker.title')}</h3>
        <button type="button" className="btn btn-secondary" data-testid="play-test-sound" disabled={playing} onClick={() => void testSpeaker()}>
          {playing ? t('speaker.playing') : t('speaker.play')}
        </button>
        <fieldset className="speaker-question">
          <legend>{t('speaker.question')}</legend>
          <div className="button-row">
            <button type="button" className="btn btn-secondary" aria-pressed={speaker === 'heard'} data-testid="speaker-heard" onClick={() => setSpeaker('heard')}>
              {t('speaker.yes')}
            </button>
            <button type="button" className="btn btn-secondary" aria-pressed={speaker === 'not-heard'} data-testid="speaker-not-heard" onClick={() => setSpeaker('not-heard')}>
              {t('speaker.no')}
            </button>
          </div>
        </fieldset>
        <div aria-live="polite">
          {speaker === 'heard' && <p className="small">{t('speaker.heard')}</p>}
          {speaker === 'not-heard' && <p className="small">{t('speaker.notHeard')}</p>}
        </div>
      </div>

      <div className="network-test" ref={resultRef}>
        <h3>{t('network.title')}</h3>
        <p className="muted small">{t('network.intro')}</p>
        <div role="status" aria-live="polite" data-testid="network-verdict" data-verdict={verdict?.network ?? (testing ? 'testing' : 'idle')}>
          {testing && <p>{phase === 'measuring' ? t('network.measuring') : t('network.running')}</p>}
          {verdict && networkVerdictKey && (
            <div className={`notice notice-${verdict.network === 'good' ? 'success' : verdict.network === 'audio-only' ? 'warning' : 'error'}`}>
              <p>{t(networkVerdictKey as 'verdict.good')}</p>
              {figures?.connected && (
                <p className="muted small" data-testid="network-figures">
                  {t('network.figures', { rtt: figures.rttMs ?? '?', kbps: figures.receiveKbps ?? '?', loss: figures.lossPct ?? '?' })}
                </p>
              )}
              {verdict.network === 'cannot-connect' && <PracticeHelp practice={practice} />}
            </div>
          )}
        </div>
        {verdict && (
          <button type="button" className="btn btn-secondary" data-testid="network-again" disabled={testing} onClick={() => setRun((n) => n + 1)}>
            {t('network.again')}
          </button>
        )}
        {verdict && verdict.outcome !== 'ready' && (
          <div className="check-result" data-testid="check-result" data-outcome={verdict.outcome}>
            <p>{t(`result.${verdict.outcome}`)}</p>
            <ul>
              {verdict.reasons.map((reason) => (
                <li key={reason}>{t(`reason.${reason}`)}</li>
              ))}
            </ul>
            {verdict.outcome === 'failed' && verdict.network !== 'cannot-connect' && <PracticeHelp practice={practice} />}
          </div>
        )}
      </div>
    </section>
  );
}
