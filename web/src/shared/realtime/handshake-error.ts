import { PROTOCOL_VERSION_MISMATCH, type HandshakeRefusal } from '@visite/contracts';

export interface HandshakeProblem {
  code: string;
  message: string;
  /** The person must reload the page (new version deployed). */
  reload: boolean;
  /** socket.io will not retry by itself: the server refused the handshake. */
  refused: boolean;
}

/** Turns a socket.io `connect_error` into something to show. */
export function describeConnectError(error: unknown): HandshakeProblem {
  const data = (error as { data?: Partial<HandshakeRefusal> } | null)?.data;
  if (data && typeof data.code === 'string') {
    const reload = data.code === PROTOCOL_VERSION_MISMATCH;
    return {
      code: data.code,
      message: typeof data.message === 'string' && data.message ? data.message : reload ? 'Please reload the page.' : 'The connection was refused.',
      reload,
      refused: true,
    };
  }
  return { code: 'CONNECTION_LOST', message: 'Connection lost. Trying to reconnect…', reload: false, refused: false };
}
