import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { VisitView } from '@visite/contracts';
import { errorMessage, isSessionGone } from '../../shared/api/api-error';
import { i18n } from '../../shared/i18n/i18n';
import { describeConnectError } from '../../shared/realtime/handshake-error';
import { connectRealtime, requestWithAck } from '../../shared/realtime/realtime-socket';
import { newlyWaiting, playChime } from './queue-alert';
import { queueApi } from './queue-api';

export interface LiveQueue {
  visits: VisitView[] | null;
  error: string | null;
  /** The realtime channel is up. */
  live: boolean;
  /** A refusal of the realtime handshake (e.g. protocol version mismatch → reload). */
  realtimeProblem: string | null;
  unauthorized: boolean;
  /** Replaces one visit locally after an action, before the next snapshot arrives. */
  patch: (visit: VisitView) => void;
  refresh: () => void;
  /** Visits that started waiting since the doctor last looked at the page. */
  unseenWaiting: number;
}

/** Today's queue: one HTTP load, then live snapshots over the realtime socket (`queue.subscribe`, `queue.updated`). */
export function useLiveQueue(doctorId?: string): LiveQueue {
  const { t } = useTranslation('queue');
  const [visits, setVisits] = useState<VisitView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [live, setLive] = useState(false);
  const [realtimeProblem, setRealtimeProblem] = useState<string | null>(null);
  const [unauthorized, setUnauthorized] = useState(false);
  const [unseenWaiting, setUnseenWaiting] = useState(0);
  const previous = useRef<VisitView[] | null>(null);

  const apply = useCallback((next: VisitView[]) => {
    const fresh = newlyWaiting(previous.current, next);
    previous.current = next;
    setVisits(next);
    if (fresh.length > 0) {
      playChime();
      if (document.hidden || !document.hasFocus()) setUnseenWaiting((n) => n + fresh.length);
    }
  }, []);

  const refresh = useCallback(() => {
    queueApi.today(doctorId).then(
      (queue) => {
        setError(null);
        apply(queue.visits);
      },
      (e: unknown) => {
        if (isSessionGone(e)) setUnauthorized(true);
        else setError(errorMessage(e));
      },
    );
  }, [apply, doctorId]);

  useEffect(() => {
    refresh();
    const socket = connectRealtime();
    socket.on('connect', () => {
      setRealtimeProblem(null);
      requestWithAck<{ visits: VisitView[] }>(socket, 'queue.subscribe', doctorId ? { doctorId } : {}).then(
        (snapshot) => {
          setLive(true);
          apply(snapshot.visits);
        },
        (e: unknown) => setRealtimeProblem(errorMessage(e)),
      );
    });
    socket.on('disconnect', (reason) => {
      setLive(false);
      // The server closed the socket (signed out elsewhere, account disabled): connecting again says why.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', (err) => {
      setLive(false);
      const problem = describeConnectError(err);
      if (problem.code === 'NOT_AUTHENTICATED') setUnauthorized(true);
      else if (problem.refused) setRealtimeProblem(problem.message);
    });
    socket.on('queue.updated', (queue) => apply(queue.visits));
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [apply, refresh, doctorId]);

  // Title alert until the doctor comes back to the tab.
  useEffect(() => {
    document.title = unseenWaiting > 0 ? t('titleAlert', { count: unseenWaiting }) : t('baseTitle');
    const seen = () => setUnseenWaiting(0);
    window.addEventListener('focus', seen);
    document.addEventListener('visibilitychange', seen);
    return () => {
      window.removeEventListener('focus', seen);
      document.removeEventListener('visibilitychange', seen);
    };
  }, [unseenWaiting, t]);

  useEffect(() => () => void (document.title = i18n.t('appName')), []);

  const patch = useCallback((visit: VisitView) => {
    setVisits((current) => current && current.map((v) => (v.id === visit.id ? visit : v)));
  }, []);

  return { visits, error, live, realtimeProblem, unauthorized, patch, refresh, unseenWaiting };
}
