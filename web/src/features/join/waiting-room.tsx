import type { LocalMedia } from '../../media/local-media';
import { StreamVideo } from '../../media/media-element';
import { Notice } from '../../shared/ui/notice';
import { JOIN_TEXT } from './strings';
import type { WaitingRoom as WaitingRoomState } from './use-waiting-room';

const T = JOIN_TEXT.waiting;

export function WaitingRoom({ room, doctorName, media }: { room: WaitingRoomState; doctorName: string; media: LocalMedia }) {
  const status = room.status;
  const doctor = status?.doctorName || doctorName;
  return (
    <section className="waiting" data-testid="waiting-room" aria-labelledby="waiting-title">
      <div className="pulse" aria-hidden="true" />
      <h1 id="waiting-title">{T.title}</h1>
      <p>{T.subtitle(doctor)}</p>
      <p className="waiting-position" data-testid="waiting-position" aria-live="polite">
        {status?.position ? T.position(status.position) : T.positionUnknown}
      </p>
      {status?.estimatedWaitMinutes != null && <p className="muted">{T.estimate(status.estimatedWaitMinutes)}</p>}
      {status?.doctorMessage && (
        <Notice tone="info" title={T.messageFrom(doctor)}>
          <p data-testid="doctor-message">{status.doctorMessage}</p>
        </Notice>
      )}
      {!room.connected && <p className="muted small">{status ? T.reconnecting : T.connecting}</p>}
      {room.problem && <Notice tone="error">{room.problem}</Notice>}
      {media.hasVideo && (
        <div className="waiting-self">
          <StreamVideo stream={media.stream} className="mirrored" aria-label="Your camera" />
        </div>
      )}
    </section>
  );
}
