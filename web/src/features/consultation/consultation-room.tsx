import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { MediaAccess } from '@visite/contracts';
import { errorMessage, messageForCode } from '../../shared/api/api-error';
import { LanguageSwitcher } from '../../shared/ui/language-switcher';
import { stopStream } from '../../media/local-media';
import { RemoteAudio, StreamVideo } from '../../media/media-element';
import type { RemotePeer, RoomState } from '../../media/room-client';
import { useRoom } from '../../media/use-room';
import { EndedNotice } from '../../shared/ui/ended-notice';
import { CameraIcon, HangUpIcon, MicIcon, SpeakerIcon } from '../../shared/ui/icons';
import { Notice } from '../../shared/ui/notice';

export interface ConsultationRoomProps {
  localStream: MediaStream;
  getAccess: () => Promise<MediaAccess>;
  /** Ends the visit on the server (doctor) or leaves it (patient). */
  hangUp: () => Promise<void>;
  /** The realtime channel said the visit ended. */
  endedExternally: boolean;
  /** Asks the server whether the visit has ended (after the room failed). */
  checkEnded: () => Promise<boolean>;
  /** Who is on the other side, for "waiting for …". */
  remoteLabel: string;
  hangUpLabel: string;
  /** Shown on the final screen. */
  endedContent: ReactNode;
  /** A side panel (doctor notes). */
  aside?: ReactNode;
  /** What to do when the connection stays broken (shown after 30 s, while the room keeps trying). */
  troubleHelp: ReactNode;
}

/** The consultation screen for both sides: remote video big, local small, controls, connection status. */
export function ConsultationRoom(props: ConsultationRoomProps) {
  const { localStream, getAccess, hangUp, endedExternally, checkEnded, remoteLabel, hangUpLabel, endedContent, aside, troubleHelp } = props;
  const { t } = useTranslation('consultation');
  const [hungUp, setHungUp] = useState(false);
  const [endedOnServer, setEndedOnServer] = useState(false);
  const [hangingUp, setHangingUp] = useState(false);
  const [hangUpError, setHangUpError] = useState<string | null>(null);
  const [soundBlocked, setSoundBlocked] = useState<{ unlock: () => void } | null>(null);
  /** Latched: once the room says the visit ended or we were replaced, the client is gone for good. */
  const [closedBySfu, setClosedBySfu] = useState<'visit-ended' | 'replaced' | null>(null);

  const ended = endedExternally || hungUp || endedOnServer || closedBySfu === 'visit-ended';
  const { client, state } = useRoom(localStream, getAccess, !ended && !closedBySfu);

  // Once it is over, turn the camera and microphone off (the stream was handed to the room).
  const over = ended || closedBySfu === 'replaced';
  useEffect(() => {
    if (over) stopStream(localStream);
  }, [over, localStream]);

  useEffect(() => {
    if (state.closeReason === 'visit-ended' || state.closeReason === 'replaced') setClosedBySfu(state.closeReason);
  }, [state.closeReason]);

  // After a failure, ask the server whether the visit is simply over.
  useEffect(() => {
    if (state.connection !== 'failed') return;
    let cancelled = false;
    checkEnded().then(
      (isEnded) => !cancelled && isEnded && setEndedOnServer(true),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [state.connection, checkEnded]);

  const onBlockedChange = useCallback((blocked: boolean, unlock: () => void) => setSoundBlocked(blocked ? { unlock } : null), []);

  const doHangUp = async () => {
    setHangingUp(true);
    setHangUpError(null);
    try {
      await hangUp();
      client?.close();
      setHungUp(true);
    } catch (e) {
      setHangUpError(errorMessage(e));
    } finally {
      setHangingUp(false);
    }
  };

  if (ended) return <EndedNotice title={t('ended')}>{endedContent}</EndedNotice>;

  if (closedBySfu === 'replaced')
    return (
      <EndedNotice title={t('replaced')}>
        <p>{t('replacedHelp')}</p>
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          {t('reload')}
        </button>
      </EndedNotice>
    );

  const remote: RemotePeer | undefined = state.peers.find((p) => p.hasVideo && !p.videoPaused) ?? state.peers[0];
  const showRemoteVideo = !!remote && remote.hasVideo && !remote.videoPaused;
  const audioOnly = state.audioOnly !== 'off';
  const localVideoOn = state.hasCamera && state.cameraEnabled && !audioOnly;

  return (
    <div className="room-layout">
      <main className="room" data-testid="consultation-room" aria-label={t('room')}>
        <LanguageSwitcher className="room-language" />
        <div className={`connection-status connection-${state.connection}`} data-testid="connection-status" data-state={state.connection} role="status" aria-live="polite">
          <span className="dot" aria-hidden="true" />
          {t(`status.${state.connection}`)}
        </div>
        {state.connection === 'connected' && <QualityIndicator state={state} />}
        {state.needsHelp && state.connection !== 'failed' && (
          <Notice tone="warning" title={t('help.title')}>
            <div data-testid="connection-help">{troubleHelp}</div>
          </Notice>
        )}
        {audioOnly && (
          <Notice tone={state.audioOnly === 'auto' ? 'warning' : 'info'}>
            <p data-testid="audio-only-notice" data-mode={state.audioOnly}>
              {state.audioOnly === 'auto' ? t('autoAudioOnly') : t('manualAudioOnly')}
            </p>
            <button type="button" className="btn btn-primary" data-testid="try-video-again" onClick={() => client?.setAudioOnly(false)}>
              <CameraIcon /> {t('tryVideoAgain')}
            </button>
          </Notice>
        )}

        <div className="stage">
          <StreamVideo stream={remote?.stream ?? null} data-testid="remote-video" className="remote-video" aria-label={remote?.displayName || remoteLabel} />
          {!showRemoteVideo && (
            <div className="stage-placeholder">
              {remote ? (
                <>
                  <div className="avatar" aria-hidden="true">
                    {(remote.displayName || remoteLabel || '?').charAt(0).toUpperCase()}
                  </div>
                  <p>{t('remoteState', { name: remote.displayName || remoteLabel, state: remote.hasVideo ? t('cameraOff') : t('audioOnly') })}</p>
                </>
              ) : state.connection === 'reconnecting' ? (
                <p>{t('ownConnectionLost')}</p>
              ) : (
                <p>{remoteLabel ? t('waitingFor', { name: remoteLabel }) : t('waitingForOther')}</p>
              )}
            </div>
          )}
          {remote?.audioPaused && <span className="remote-muted">
              <MicIcon off /> {t('remoteMutedMic')}
            </span>}
          {state.peers.map((peer) => (
            <RemoteAudio key={peer.peerId} stream={peer.stream} onBlockedChange={onBlockedChange} />
          ))}

          <div className="local-pip">
            <StreamVideo stream={localStream} data-testid="local-video" className="local-video mirrored" aria-label={t('you')} />
            {!localVideoOn && <div className="pip-placeholder">{state.hasCamera && !audioOnly ? t('cameraOff') : t('audioOnly')}</div>}
          </div>

          {soundBlocked && (
            <button type="button" className="btn btn-primary sound-unlock" onClick={soundBlocked.unlock}>
              <SpeakerIcon /> {t('enableSound')}
            </button>
          )}
        </div>

        {state.connection === 'failed' && (
          <Notice tone="error" title={t('status.failed')}>
            <p>{messageForCode(state.errorCode, state.error)}</p>
            <button type="button" className="btn btn-primary" onClick={() => client?.retry()}>
              {t('retry')}
            </button>
          </Notice>
        )}
        {hangUpError && <Notice tone="error">{hangUpError}</Notice>}

        <div className="controls" role="toolbar" aria-label={t('controls')}>
          <button
            type="button"
            data-testid="toggle-mic"
            className={`ctrl ${state.micEnabled ? '' : 'ctrl-off'}`}
            aria-pressed={!state.micEnabled}
            // The accessible name starts with the visible text (WCAG 2.5.3), then says what a press does.
            aria-label={`${state.micEnabled ? t('micOn') : t('micOff')}, ${state.micEnabled ? t('micOnLabel') : t('micOffLabel')}`}
            data-enabled={state.micEnabled}
            onClick={() => client?.setMicEnabled(!state.micEnabled)}
          >
            <MicIcon off={!state.micEnabled} />
            <span className="ctrl-label">{state.micEnabled ? t('micOn') : t('micOff')}</span>
          </button>
          <button
            type="button"
            data-testid="toggle-camera"
            className={`ctrl ${localVideoOn ? '' : 'ctrl-off'}`}
            aria-pressed={!localVideoOn}
            aria-label={!state.hasCamera ? t('noCamera') : `${localVideoOn ? t('cameraOn') : t('cameraOff')}, ${localVideoOn ? t('cameraOnLabel') : t('cameraOffLabel')}`}
            data-enabled={localVideoOn}
            disabled={!state.hasCamera}
            onClick={() => client?.setCameraEnabled(!state.cameraEnabled)}
          >
            <CameraIcon off={!localVideoOn} />
            <span className="ctrl-label">{!state.hasCamera ? t('noCamera') : localVideoOn ? t('cameraOn') : t('cameraOff')}</span>
          </button>
          {state.hasCamera && !audioOnly && (
            <button type="button" data-testid="toggle-audio-only" className="ctrl" aria-label={t('audioOnlyOnLabel')} onClick={() => client?.setAudioOnly(true)}>
              <SpeakerIcon />
              <span className="ctrl-label">{t('audioOnlyOn')}</span>
            </button>
          )}
          <button type="button" data-testid="hang-up" className="ctrl ctrl-hangup" disabled={hangingUp} onClick={() => void doHangUp()}>
            <HangUpIcon />
            <span className="ctrl-label">{hangingUp ? t('hangingUp') : hangUpLabel}</span>
          </button>
        </div>
      </main>
      {aside}
    </div>
  );
}

/**
 * The network quality indicator, from the room client's figures (getStats and the SFU's scores):
 * "poor connection" as soon as media stops although signaling is up.
 */
function QualityIndicator({ state }: { state: RoomState }) {
  const { t } = useTranslation('consultation');
  const { quality, figures } = state;
  const stopped = state.qualityReason === 'media-stopped';
  const level = quality === 'poor' ? t('quality.poor') : t('quality.label', { level: t(`quality.${quality}`) });
  const rtt = figures.rttMs === null ? '–' : `${figures.rttMs} ms`;
  const loss = figures.lossPercent === null ? '–' : `${figures.lossPercent} %`;
  return (
    <div
      className={`network-quality quality-${quality}`}
      data-testid="network-quality"
      data-level={quality}
      data-reason={state.qualityReason ?? ''}
      data-ice-restarts={state.iceRestarts}
      data-recovering={state.mediaRecovering}
      role="status"
      aria-live="polite"
      title={t('quality.figures', { rtt, loss })}
    >
      <span className="bars" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      <span>{level}</span>
      {(stopped || state.mediaRecovering) && <span className="quality-detail">{state.mediaRecovering ? t('quality.recovering') : t('quality.mediaStopped')}</span>}
    </div>
  );
}
