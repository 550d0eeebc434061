import {
  PROTOCOL_VERSION,
  signalingHandshakeSchema,
  versionMismatchMessage,
  type HandshakeRefusal,
} from '@visite/contracts';
import type { TokenVerifier, VerifiedMediaToken } from '../auth/token-verifier';
import { toErrorBody } from '../errors/error-mapping';
import { SfuError, SfuErrorCode } from '../errors/sfu-error';
import type { SignalingSocket } from './signaling-types';

export type HandshakeError = Error & { data: HandshakeRefusal };

/**
 * socket.io middleware: the client must speak our protocol version and present a valid media token.
 * Refusals reach the client as `connect_error` with `data: { code, message, protocolVersion }`.
 */
export function createHandshakeMiddleware(verifier: TokenVerifier, options: { acceptBench: boolean }) {
  return (socket: SignalingSocket, next: (err?: Error) => void): void => {
    authenticate(verifier, socket.handshake.auth, options.acceptBench).then(
      ({ claims, bench }) => {
        socket.data.claims = claims;
        socket.data.bench = bench;
        next();
      },
      (err: unknown) => next(toHandshakeError(err)),
    );
  };
}

async function authenticate(verifier: TokenVerifier, auth: unknown, acceptBench: boolean): Promise<VerifiedMediaToken> {
  const version = typeof auth === 'object' && auth !== null ? (auth as { protocolVersion?: unknown }).protocolVersion : undefined;
  if (version !== PROTOCOL_VERSION) throw new SfuError(SfuErrorCode.PROTOCOL_VERSION_MISMATCH, versionMismatchMessage(version));
  const handshake = signalingHandshakeSchema.safeParse(auth);
  if (!handshake.success) {
    throw new SfuError(SfuErrorCode.INVALID_TOKEN, 'the handshake must carry { protocolVersion, token } with a media token');
  }
  return verifier.verifyMediaToken(handshake.data.token, { acceptBench });
}

function toHandshakeError(err: unknown): HandshakeError {
  const body = toErrorBody(err);
  const error = new Error(body.message) as HandshakeError;
  error.data = { code: body.code, message: body.message, protocolVersion: PROTOCOL_VERSION };
  return error;
}
