import { errors as mediasoupErrors } from 'mediasoup';
import type { ErrorBody } from '@visite/contracts';
import { SfuError, SfuErrorCode } from './sfu-error';

/**
 * The one place errors become refusals. mediasoup's validation errors (TypeError, also when raised
 * by the worker, and UnsupportedError) are the client's fault: BAD_REQUEST with mediasoup's message.
 */
export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof SfuError) return { code: err.code, message: err.message };
  if (err instanceof TypeError || err instanceof mediasoupErrors.UnsupportedError) {
    return { code: SfuErrorCode.BAD_REQUEST, message: err.message };
  }
  if (err instanceof mediasoupErrors.WorkerClosedError) {
    return { code: SfuErrorCode.ROOM_CLOSED, message: 'the media worker hosting this room stopped; reconnect' };
  }
  if (err instanceof mediasoupErrors.NotFoundError) return { code: SfuErrorCode.MEDIA_ERROR, message: err.message };
  if (err instanceof Error) return { code: SfuErrorCode.MEDIA_ERROR, message: err.message };
  return { code: SfuErrorCode.INTERNAL_ERROR, message: 'internal error' };
}

const HTTP_STATUS: Partial<Record<SfuErrorCode, number>> = {
  [SfuErrorCode.INVALID_TOKEN]: 401,
  [SfuErrorCode.TOKEN_EXPIRED]: 401,
  [SfuErrorCode.FORBIDDEN]: 403,
  [SfuErrorCode.BAD_REQUEST]: 400,
  [SfuErrorCode.ROOM_NOT_FOUND]: 404,
  [SfuErrorCode.NOT_FOUND]: 404,
  [SfuErrorCode.UNAVAILABLE]: 503,
  [SfuErrorCode.MEDIA_ERROR]: 502,
  [SfuErrorCode.ROOM_CLOSED]: 409,
  [SfuErrorCode.PEER_REVOKED]: 409,
};

export function httpStatusOf(body: ErrorBody): number {
  return HTTP_STATUS[body.code as SfuErrorCode] ?? 500;
}
