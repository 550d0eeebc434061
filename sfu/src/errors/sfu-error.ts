/** Every refusal the SFU gives, over sockets (Ack) and HTTP. */
export enum SfuErrorCode {
  INVALID_TOKEN = 'INVALID_TOKEN',
  TOKEN_EXPIRED = 'TOKEN_EXPIRED',
  FORBIDDEN = 'FORBIDDEN',
  PROTOCOL_VERSION_MISMATCH = 'PROTOCOL_VERSION_MISMATCH',
  BAD_REQUEST = 'BAD_REQUEST',
  UNKNOWN_REQUEST = 'UNKNOWN_REQUEST',
  NOT_JOINED = 'NOT_JOINED',
  ALREADY_JOINED = 'ALREADY_JOINED',
  TRANSPORT_NOT_FOUND = 'TRANSPORT_NOT_FOUND',
  /** A per-peer limit (transports, producers) was reached. */
  LIMIT_REACHED = 'LIMIT_REACHED',
  PRODUCER_NOT_FOUND = 'PRODUCER_NOT_FOUND',
  CONSUMER_NOT_FOUND = 'CONSUMER_NOT_FOUND',
  ROOM_NOT_FOUND = 'ROOM_NOT_FOUND',
  ROOM_CLOSED = 'ROOM_CLOSED',
  /** The server put this peer out of the room (consent withdrawn); its earlier tokens are refused. */
  PEER_REVOKED = 'PEER_REVOKED',
  NOT_FOUND = 'NOT_FOUND',
  MEDIA_ERROR = 'MEDIA_ERROR',
  UNAVAILABLE = 'UNAVAILABLE',
  INTERNAL_ERROR = 'INTERNAL_ERROR',
}

/** A typed domain error; mapped to Ack refusals and HTTP bodies in `error-mapping.ts` only. */
export class SfuError extends Error {
  readonly code: SfuErrorCode;

  constructor(code: SfuErrorCode, message: string) {
    super(message);
    this.name = 'SfuError';
    this.code = code;
  }
}
