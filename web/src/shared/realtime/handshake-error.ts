import { PROTOCOL_VERSION_MISMATCH, type HandshakeRefusal } from '@visite/contracts';
import { i18n, textFor } from '../i18n/i18n';

export interface HandshakeProblem {
  code: string;
  /** In the chosen language: the `errors` catalogue's text for the code, else the server's message. */
  message: string;
  /** The person must reload the page (new version deployed). */
  reload: boolean;
  /** socket.io will not retry by itself: the server refused the handshake. */
  refused: boolean;
}

function messageFor(code: string, serverMessage: unknown, fallbackCode: string): string {
  if (i18n.exists(`errors:${code}`)) return textFor(`errors:${code}`);
  if (typeof serverMessage === 'string' && serverMessage) return serverMessage;
  return textFor(`errors:${fallbackCode}`);
}

/** Turns a socket.io `connect_error` into something to show. */
export function describeConnectError(error: unknown): HandshakeProblem {
  const data = (error as { data?: Partial<HandshakeRefusal> } | null)?.data;
  if (data && typeof data.code === 'string') {
    const reload = data.code === PROTOCOL_VERSION_MISMATCH;
    return { code: data.code, message: messageFor(data.code, data.message, 'HANDSHAKE_REFUSED'), reload, refused: true };
  }
  return { code: 'CONNECTION_LOST', message: messageFor('CONNECTION_LOST', undefined, 'CONNECTION_LOST'), reload: false, refused: false };
}
