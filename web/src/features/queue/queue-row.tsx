import { Link } from 'react-router-dom';
import type { VisitView } from '@visite/contracts';
import { formatDuration, formatTime, minutesSince } from '../../shared/lib/format-time';
import { QUEUE_TEXT, STATUS_LABELS } from './strings';

interface Props {
  visit: VisitView;
  now: number;
  busy: boolean;
  onAdmit: (visit: VisitView) => void;
  onJoin: (visit: VisitView) => void;
  onNewLink: (visit: VisitView) => void;
}

export function QueueRow({ visit, now, busy, onAdmit, onJoin, onNewLink }: Props) {
  const name = `${visit.patient.firstName} ${visit.patient.lastName}`;
  const canReissue = visit.status === 'scheduled' || visit.status === 'waiting';
  return (
    <li className={`queue-row status-${visit.status}`} data-testid="queue-row" data-visit-id={visit.id} data-status={visit.status}>
      <div className="queue-row-main">
        <span
          className={`presence ${visit.patientOnline ? 'presence-on' : 'presence-off'}`}
          title={visit.patientOnline ? QUEUE_TEXT.online : QUEUE_TEXT.offline}
          aria-label={visit.patientOnline ? QUEUE_TEXT.online : QUEUE_TEXT.offline}
          role="img"
        />
        <div>
          <p className="queue-name">{name}</p>
          <p className="muted small">
            {QUEUE_TEXT.scheduled} {formatTime(visit.scheduledAt)}
            {visit.status === 'waiting' && visit.waitingSince && (
              <>
                {' · '}
                {QUEUE_TEXT.waitingFor} <strong>{formatDuration(minutesSince(visit.waitingSince, now))}</strong>
              </>
            )}
          </p>
        </div>
      </div>
      <div className="queue-row-actions">
        <span className={`badge badge-${visit.status}`}>{STATUS_LABELS[visit.status]}</span>
        {canReissue && (
          <button type="button" className="btn btn-link" disabled={busy} onClick={() => onNewLink(visit)}>
            {QUEUE_TEXT.newLink}
          </button>
        )}
        {visit.status === 'waiting' && (
          <button type="button" data-testid="admit-button" className="btn btn-primary" disabled={busy} onClick={() => onAdmit(visit)}>
            {busy ? QUEUE_TEXT.admitting : QUEUE_TEXT.admit}
          </button>
        )}
        {visit.status === 'completed' && (
          <Link to={`/visits/${encodeURIComponent(visit.id)}/coding`} data-testid="code-visit-link" className="btn btn-secondary">
            {QUEUE_TEXT.codeVisit}
          </Link>
        )}
        {visit.status === 'in_progress' && (
          <button type="button" data-testid="join-room-button" className="btn btn-primary" onClick={() => onJoin(visit)}>
            {QUEUE_TEXT.joinRoom}
          </button>
        )}
      </div>
    </li>
  );
}
