import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  REALTIME_NAMESPACE,
  type Ack,
  type RealtimeClientEvents,
  type RealtimeHandshake,
  type RealtimeServerEvents,
} from '@visite/contracts';
import { currentLanguage } from '../i18n/i18n';

export type RealtimeSocket = Socket<RealtimeServerEvents, RealtimeClientEvents>;

/** Connects to the server's realtime namespace (same origin). Doctors use their cookie; patients their join token. */
export function connectRealtime(joinToken?: string): RealtimeSocket {
  const auth: RealtimeHandshake = joinToken ? { protocolVersion: PROTOCOL_VERSION, joinToken } : { protocolVersion: PROTOCOL_VERSION };
  return io(REALTIME_NAMESPACE, {
    auth,
    // The server answers refusals and acknowledgements in the person's language.
    query: { lang: currentLanguage() },
    withCredentials: true,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 10_000,
  });
}

export class AckError extends Error {
  override readonly name = 'AckError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Emits a request and resolves with the data of its Ack, or rejects with an AckError. */
export function requestWithAck<T>(socket: Socket, event: string, payload: unknown, timeoutMs = 10_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    socket.timeout(timeoutMs).emit(event, payload, (err: Error | null, res: Ack<T>) => {
      if (err) reject(new AckError('TIMEOUT', 'The server did not answer in time.'));
      else if (!res || typeof res !== 'object') reject(new AckError('BAD_RESPONSE', 'Unexpected answer from the server.'));
      else if (res.ok) resolve(res.data);
      else reject(new AckError(res.error.code, res.error.message));
    });
  });
}
