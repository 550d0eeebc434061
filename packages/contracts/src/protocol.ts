/**
 * Version of every realtime protocol in this package (server realtime events and SFU signaling).
 * Bump it on any incompatible change to a message; a client that connects with another version is
 * refused with `PROTOCOL_VERSION_MISMATCH` and a reason it can show ("reload the page").
 */
export const PROTOCOL_VERSION = 1;

/** Error codes carried by refusals on sockets and by HTTP error bodies. */
export type ErrorCode = string;

/** The body of every error Visite returns, over HTTP or as a socket acknowledgement. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** For a refused input: which fields, and why (`body.patient.birthDate`: "must be a date ..."). */
  issues?: { path: string; message: string }[];
  /** What a client needs to recover from this refusal (a 409 NOTES_CONFLICT: the current notes). */
  detail?: Record<string, unknown>;
  /** For `RATE_LIMITED` (HTTP 429 or a socket refusal): seconds until the next attempt is accepted. */
  retryAfterSeconds?: number;
}

/** A client sent too many requests or socket events: wait `retryAfterSeconds` (HTTP 429). */
export const RATE_LIMITED = 'RATE_LIMITED';

/** Acknowledgement of a socket request: a result or a refusal, never a thrown exception. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** `connect_error.data` when a socket handshake is refused. */
export interface HandshakeRefusal extends ErrorBody {
  /** The version the server speaks, so the client can tell the person to reload. */
  protocolVersion: number;
}

export const PROTOCOL_VERSION_MISMATCH = 'PROTOCOL_VERSION_MISMATCH';

export function versionMismatchMessage(clientVersion: unknown): string {
  return `This page speaks protocol version ${String(clientVersion)} but the service speaks version ${PROTOCOL_VERSION}. Reload the page to get the current version.`;
}
