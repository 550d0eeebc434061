import {
  PROTOCOL_VERSION,
  signalingHandshakeSchema,
  versionMismatchMessage,
  type HandshakeRefusal,
  type MediaTokenClaims,
} from '@visite/contracts';
import type { TokenVerifier } from '../auth/token-verifier';
import { toErrorBody } from '../errors/error-mapping';
import { SfuError, SfuErrorCode } from '../errors/sfu-error';
import type { SignalingSocket } from './signaling-types';

export type HandshakeError = Error & { data: HandshakeRefusal };

/**
 * socket.io middleware: the client must speak our protocol version and present a valid media token.
 * Refusals reach the client as `connect_error` with `data: { code, message, protocolVersion }`.
 */
export function createHandshakeMiddleware(verifier: TokenVerifier) {
  return (socket: SignalingSocket, next: (err?: Error) => void): void => {
    authenticate(verifier, socket.handshake.auth).then(
      (claims) => {
        socket.data.claims = claims;
        next();
      },
      (err: unknown) => next(toHandshakeError(err)),
    );
  };
}

async function authenticate(verifier: TokenVerifier, auth: unknown): Promise<MediaTokenClaims> {
  const version = typeof auth === 'object' && auth !== null ? (auth as { protocolVersion?: unknown }).protocolVersion : undefined;
  if (version !== PROTOCOL_VERSION) throw new SfuError(SfuErrorCode.PROTOCOL_VERSION_MISMATCH, versionMismatchMessage(version));
  const handshake = signalingHandshakeSchema.safeParse(auth);
  if (!handshake.success) {
    throw new SfuError(SfuErrorCode.INVALID_TOKEN, 'the handshake must carry { protocolVersion, token } with a media token');
  }
  return verifier.verifyMediaToken(handshake.data.token);
}

function toHandshakeError(err: unknown): HandshakeError {
  const body = toErrorBody(err);
  const error = new Error(body.message) as HandshakeError;
  error.data = { code: body.code, message: body.message, protocolVersion: PROTOCOL_VERSION };
  return error;
}
