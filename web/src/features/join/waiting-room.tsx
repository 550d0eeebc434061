import { useTranslation } from 'react-i18next';
import type { LocalMedia } from '../../media/local-media';
import { StreamVideo } from '../../media/media-element';
import { Notice } from '../../shared/ui/notice';
import type { WaitingRoom as WaitingRoomState } from './use-waiting-room';

export function WaitingRoom({ room, doctorName, media }: { room: WaitingRoomState; doctorName: string; media: LocalMedia }) {
  const { t } = useTranslation('waiting');
  const status = room.status;
  const doctor = status?.doctorName || doctorName;
  return (
    <section className="waiting" data-testid="waiting-room" aria-labelledby="waiting-title">
      <div className="pulse" aria-hidden="true" />
      <h1 id="waiting-title">{t('title')}</h1>
      <p>{t('subtitle', { doctor })}</p>
      <p className="waiting-position" data-testid="waiting-position" aria-live="polite">
        {status?.position ? t('position', { count: status.position }) : t('positionUnknown')}
      </p>
      {status?.estimatedWaitMinutes != null && <p className="muted">{t('estimate', { count: Math.max(1, Math.round(status.estimatedWaitMinutes)) })}</p>}
      {status?.doctorMessage && (
        <Notice tone="info" title={t('messageFrom', { doctor })}>
          <p data-testid="doctor-message">{status.doctorMessage}</p>
        </Notice>
      )}
      {!room.connected && <p className="muted small">{status ? t('reconnecting') : t('connecting')}</p>}
      {room.problem && <Notice tone="error">{room.problem}</Notice>}
      {media.hasVideo && (
        <div className="waiting-self">
          <StreamVideo stream={media.stream} className="mirrored" aria-label={t('yourCamera')} />
        </div>
      )}
    </section>
  );
}
