import { useTranslation } from 'react-i18next';
import { useEffect, useMemo, useState } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import type { VisitView, VisitWithLink } from '@visite/contracts';
import { errorMessage } from '../../shared/api/api-error';
import { Notice } from '../../shared/ui/notice';
import { Spinner } from '../../shared/ui/spinner';
import { LinkPanel } from './link-panel';
import { NewVisitFormCard } from './new-visit-form';
import { queueApi } from './queue-api';
import { QueueRow } from './queue-row';
import { useLiveQueue } from './use-live-queue';
import { WaitingMessageForm } from './waiting-message-form';

const ORDER: Record<VisitView['status'], number> = { waiting: 0, in_progress: 1, scheduled: 2, completed: 3, cancelled: 4 };

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/**
 * Today's queue. A doctor works on their own; an assistant on the queue of a doctor they assist (a
 * selector when several) and can schedule, send new links and messages, but never admit or join.
 */
export function QueuePage() {
  const { t } = useTranslation('queue');
  const { t: tp } = useTranslation('practice');
  const { user } = useAuth();
  const assists = user?.role === 'assistant' ? user.assists : [];
  const [chosenDoctor, setChosenDoctor] = useState<string | undefined>(undefined);
  const doctorId = user?.role === 'assistant' ? (chosenDoctor ?? assists[0]?.id) : undefined;
  const canCall = user?.role === 'doctor';
  const queue = useLiveQueue(doctorId);
  const navigate = useNavigate();
  const now = useNow(30_000);
  const [link, setLink] = useState<VisitWithLink | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const sorted = useMemo(
    () =>
      queue.visits &&
      [...queue.visits].sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.scheduledAt.localeCompare(b.scheduledAt)),
    [queue.visits],
  );

  if (queue.unauthorized) return <Navigate to="/login" replace />;

  const admit = async (visit: VisitView) => {
    setBusyId(visit.id);
    setActionError(null);
    try {
      const admitted = await queueApi.admit(visit.id);
      queue.patch(admitted);
      navigate(`/visits/${encodeURIComponent(visit.id)}/room`);
    } catch (e) {
      setActionError(errorMessage(e));
      queue.refresh();
    } finally {
      setBusyId(null);
    }
  };

  const reissue = async (visit: VisitView) => {
    setBusyId(visit.id);
    setActionError(null);
    try {
      setLink(await queueApi.reissueLink(visit.id));
    } catch (e) {
      setActionError(errorMessage(e));
    } finally {
      setBusyId(null);
    }
  };

  const onCreated = (created: VisitWithLink) => {
    setLink(created);
    queue.refresh();
  };

  return (
    <div className="queue-layout">
      <section className="panel queue-panel" aria-labelledby="queue-title">
        <div className="row-between">
          <h1 id="queue-title">{t('title')}</h1>
          {assists.length > 1 && (
            <label className="field inline">
              <span>{tp('queue.doctor')}</span>
              <select data-testid="queue-doctor" value={doctorId} onChange={(e) => setChosenDoctor(e.target.value)}>
                {assists.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.displayName}
                  </option>
                ))}
              </select>
            </label>
          )}
          {assists.length === 1 && <span className="muted">{assists[0]!.displayName}</span>}
          <span className={queue.live ? 'live live-on' : 'live live-off'} role="status">
            {queue.live ? t('live') : t('offlineLive')}
          </span>
        </div>
        {user?.role === 'assistant' && assists.length === 0 && <Notice tone="warning">{tp('queue.noDoctor')}</Notice>}
        {queue.realtimeProblem && <Notice tone="warning">{queue.realtimeProblem}</Notice>}
        {queue.error && <Notice tone="error">{queue.error}</Notice>}
        {actionError && <Notice tone="error">{actionError}</Notice>}
        {!sorted && !queue.error && <Spinner label={t('loading')} />}
        {sorted && sorted.length === 0 && <p className="muted">{t('empty')}</p>}
        {sorted && sorted.length > 0 && (
          <ul className="queue-list">
            {sorted.map((visit) => (
              <QueueRow
                key={visit.id}
                visit={visit}
                now={now}
                busy={busyId === visit.id}
                canCall={canCall}
                onAdmit={(v) => void admit(v)}
                onJoin={(v) => navigate(`/visits/${encodeURIComponent(v.id)}/room`)}
                onNewLink={(v) => void reissue(v)}
              />
            ))}
          </ul>
        )}
      </section>
      <aside className="queue-side">
        {link && <LinkPanel created={link} onClose={() => setLink(null)} />}
        <NewVisitFormCard doctorId={doctorId} onCreated={onCreated} />
        <WaitingMessageForm doctorId={doctorId} />
      </aside>
    </div>
  );
}
