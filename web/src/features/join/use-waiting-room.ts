import { useEffect, useRef, useState } from 'react';
import type { WaitingStatus } from '@visite/contracts';
import { errorMessage } from '../../shared/api/api-error';
import { describeConnectError } from '../../shared/realtime/handshake-error';
import { connectRealtime, requestWithAck } from '../../shared/realtime/realtime-socket';

export interface WaitingRoom {
  status: WaitingStatus | null;
  connected: boolean;
  admitted: boolean;
  ended: boolean;
  /** A refused handshake or knock, to show. */
  problem: string | null;
}

/**
 * The patient's realtime channel, kept from the waiting room through the consultation. While `knock`
 * is true, `waiting.join` is sent on every (re)connection.
 */
export function useWaitingRoom(token: string, enabled: boolean, knock: boolean): WaitingRoom {
  const [status, setStatus] = useState<WaitingStatus | null>(null);
  const [connected, setConnected] = useState(false);
  const [admitted, setAdmitted] = useState(false);
  const [ended, setEnded] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const knockRef = useRef(knock);
  knockRef.current = knock;
  const endedRef = useRef(false);

  useEffect(() => {
    if (!enabled) return;
    const socket = connectRealtime(token);
    const applyStatus = (next: WaitingStatus) => {
      setStatus(next);
      if (next.status === 'in_progress') setAdmitted(true);
      if (next.status === 'completed' || next.status === 'cancelled') markEnded();
    };
    const markEnded = () => {
      endedRef.current = true;
      setEnded(true);
    };
    const sendKnock = () => {
      if (!knockRef.current) return;
      requestWithAck<WaitingStatus>(socket, 'waiting.join', {}).then(
        (s) => {
          setProblem(null);
          applyStatus(s);
        },
        (e: unknown) => setProblem(errorMessage(e)),
      );
    };
    socket.on('connect', () => {
      setConnected(true);
      setProblem(null);
      sendKnock();
    });
    socket.on('disconnect', (reason) => {
      setConnected(false);
      // The server closed the socket (the link was replaced): connecting again shows why it refuses.
      if (reason === 'io server disconnect' && !endedRef.current) socket.connect();
    });
    socket.on('connect_error', (err) => {
      const p = describeConnectError(err);
      if (p.refused) setProblem(p.message);
    });
    socket.on('waiting.status', applyStatus);
    socket.on('visit.admitted', () => setAdmitted(true));
    socket.on('visit.ended', markEnded);
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [token, enabled]);

  return { status, connected, admitted, ended, problem };
}
