import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { VisitView } from '@visite/contracts';
import { ConsentBadge } from '../../shared/consent/consent-badge';
import { useFormat } from '../../shared/i18n/use-format';
import { minutesSince } from '../../shared/lib/format-time';
import { VisitMessages } from '../messages/visit-messages';

interface Props {
  visit: VisitView;
  now: number;
  busy: boolean;
  /** The visit's doctor may admit and join; an assistant manages the queue without entering calls. */
  canCall: boolean;
  onAdmit: (visit: VisitView) => void;
  onJoin: (visit: VisitView) => void;
  onNewLink: (visit: VisitView) => void;
}

export function QueueRow({ visit, now, busy, canCall, onAdmit, onJoin, onNewLink }: Props) {
  const { t } = useTranslation('queue');
  const { t: tm } = useTranslation('outbox');
  const [showMessages, setShowMessages] = useState(false);
  const format = useFormat();
  const name = `${visit.patient.firstName} ${visit.patient.lastName}`;
  const canReissue = visit.status === 'scheduled' || visit.status === 'waiting';
  return (
    <li className={`queue-row status-${visit.status}`} data-testid="queue-row" data-visit-id={visit.id} data-status={visit.status}>
      <div className="queue-row-main">
        <span
          className={`presence ${visit.patientOnline ? 'presence-on' : 'presence-off'}`}
          title={visit.patientOnline ? t('online') : t('offline')}
          aria-label={visit.patientOnline ? t('online') : t('offline')}
          role="img"
        />
        <div>
          <p className="queue-name">
            <Link to={`/visits/${encodeURIComponent(visit.id)}`} data-testid="visit-page-link">
              {name}
            </Link>
          </p>
          <p className="muted small">
            {t('scheduledAt', { time: format.time(visit.scheduledAt) })}
            {visit.status === 'waiting' && visit.waitingSince && (
              <>
                {' · '}
                <Trans t={t} i18nKey="waitingFor" values={{ duration: format.waited(minutesSince(visit.waitingSince, now)) }} components={{ strong: <strong /> }} />
              </>
            )}
          </p>
        </div>
      </div>
      <div className="queue-row-actions">
        <span className={`badge badge-${visit.status}`}>{t(`status.${visit.status}`)}</span>
        <button type="button" className="btn btn-link" data-testid="visit-messages-toggle" aria-expanded={showMessages} onClick={() => setShowMessages((v) => !v)}>
          {showMessages ? tm('toggleHide') : tm('toggle')}
        </button>
        {visit.status !== 'cancelled' && <ConsentBadge state={visit.consents.find((c) => c.participant === 'patient')} />}
        {canReissue && (
          <button type="button" className="btn btn-link" disabled={busy} onClick={() => onNewLink(visit)}>
            {t('newLink')}
          </button>
        )}
        {canCall && visit.status === 'waiting' && (
          <button type="button" data-testid="admit-button" className="btn btn-primary" disabled={busy} onClick={() => onAdmit(visit)}>
            {busy ? t('admitting') : t('admit')}
          </button>
        )}
        {canCall && visit.status === 'completed' && (
          <Link to={`/visits/${encodeURIComponent(visit.id)}/coding`} data-testid="code-visit-link" className="btn btn-secondary">
            {t('codeVisit')}
          </Link>
        )}
        {canCall && visit.status === 'in_progress' && (
          <button type="button" data-testid="join-room-button" className="btn btn-primary" onClick={() => onJoin(visit)}>
            {t('joinRoom')}
          </button>
        )}
      </div>
      {showMessages && <VisitMessages visitId={visit.id} />}
    </li>
  );
}
