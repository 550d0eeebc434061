import {
  PROTOCOL_VERSION,
  signalingHandshakeSchema,
  versionMismatchMessage,
  type HandshakeRefusal,
} from '@visite/contracts';
import type { TokenVerifier, VerifiedMediaToken } from '../auth/token-verifier';
import type { ClosedRooms } from '../rooms/closed-rooms';
import { toErrorBody } from '../errors/error-mapping';
import { SfuError, SfuErrorCode } from '../errors/sfu-error';
import type { SignalingSocket } from './signaling-types';

export type HandshakeError = Error & { data: HandshakeRefusal };

/**
 * socket.io middleware: the client must speak our protocol version and present a valid media token.
 * Refusals reach the client as `connect_error` with `data: { code, message, protocolVersion }`.
 */
export function createHandshakeMiddleware(verifier: TokenVerifier, closedRooms: ClosedRooms, options: { acceptBench: boolean }) {
  return (socket: SignalingSocket, next: (err?: Error) => void): void => {
    authenticate(verifier, closedRooms, socket.handshake.auth, options.acceptBench).then(
      ({ claims, bench, check }) => {
        socket.data.claims = claims;
        socket.data.bench = bench;
        socket.data.check = check;
        next();
      },
      (err: unknown) => next(toHandshakeError(err)),
    );
  };
}

/**
 * socket.io middleware, first: a browser page of another origin than the app's (SFU_CORS_ORIGIN) is
 * refused before its token is even read. A client without an Origin header is not a browser page.
 */
export function createOriginCheck(allowed: string | string[]) {
  return (socket: SignalingSocket, next: (err?: Error) => void): void => {
    const origin = socket.handshake.headers.origin;
    if (allowed === '*' || origin === undefined || allowed.includes(origin)) return next();
    next(toHandshakeError(new SfuError(SfuErrorCode.FORBIDDEN, `pages of ${origin.slice(0, 200)} may not open the media signaling`)));
  };
}

async function authenticate(verifier: TokenVerifier, closedRooms: ClosedRooms, auth: unknown, acceptBench: boolean): Promise<VerifiedMediaToken> {
  const version = typeof auth === 'object' && auth !== null ? (auth as { protocolVersion?: unknown }).protocolVersion : undefined;
  if (version !== PROTOCOL_VERSION) throw new SfuError(SfuErrorCode.PROTOCOL_VERSION_MISMATCH, versionMismatchMessage(version));
  const handshake = signalingHandshakeSchema.safeParse(auth);
  if (!handshake.success) {
    throw new SfuError(SfuErrorCode.INVALID_TOKEN, 'the handshake must carry { protocolVersion, token } with a media token');
  }
  const verified = await verifier.verifyMediaToken(handshake.data.token, { acceptBench });
  // The visit ended: its tokens, still valid by their signature and expiry, open nothing any more.
  if (closedRooms.has(verified.claims.room)) throw new SfuError(SfuErrorCode.ROOM_CLOSED, 'this consultation has ended; its room is closed');
  // This participant was put out (consent withdrawn): tokens issued before open nothing.
  if (closedRooms.peerRevoked(verified.claims.room, verified.claims.sub, verified.issuedAt)) {
    throw new SfuError(SfuErrorCode.PEER_REVOKED, 'you were removed from this consultation; ask for a new access');
  }
  return verified;
}

function toHandshakeError(err: unknown): HandshakeError {
  const body = toErrorBody(err);
  const error = new Error(body.message) as HandshakeError;
  error.data = { code: body.code, message: body.message, protocolVersion: PROTOCOL_VERSION };
  return error;
}
