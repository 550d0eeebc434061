import { errors as mediasoupErrors } from 'mediasoup';
import { httpStatusOf, toErrorBody } from './error-mapping';
import { SfuError, SfuErrorCode } from './sfu-error';

describe('toErrorBody', () => {
  it('keeps domain errors as they are', () => {
    expect(toErrorBody(new SfuError(SfuErrorCode.NOT_JOINED, 'join first'))).toEqual({ code: 'NOT_JOINED', message: 'join first' });
  });

  it("turns mediasoup's validation errors into BAD_REQUEST with mediasoup's message", () => {
    expect(toErrorBody(new TypeError('missing codecs'))).toEqual({ code: 'BAD_REQUEST', message: 'missing codecs' });
    expect(toErrorBody(new mediasoupErrors.UnsupportedError('unsupported codec'))).toEqual({ code: 'BAD_REQUEST', message: 'unsupported codec' });
  });

  it('maps other failures without leaking non-errors', () => {
    expect(toErrorBody(new mediasoupErrors.WorkerClosedError('closed'))).toMatchObject({ code: 'ROOM_CLOSED' });
    expect(toErrorBody(new Error('worker said no'))).toEqual({ code: 'MEDIA_ERROR', message: 'worker said no' });
    expect(toErrorBody('boom')).toEqual({ code: 'INTERNAL_ERROR', message: 'internal error' });
  });
});

describe('httpStatusOf', () => {
  it.each([
    ['INVALID_TOKEN', 401],
    ['TOKEN_EXPIRED', 401],
    ['FORBIDDEN', 403],
    ['BAD_REQUEST', 400],
    ['NOT_FOUND', 404],
    ['ROOM_NOT_FOUND', 404],
    ['INTERNAL_ERROR', 500],
  ])('%s -> %i', (code, status) => {
    expect(httpStatusOf({ code, message: '' })).toBe(status);
  });
});
