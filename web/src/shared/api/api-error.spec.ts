import { ApiError, errorMessage, toApiError } from './api-error';

describe('toApiError', () => {
  it('keeps the code and message of a Visite error body', () => {
    const error = toApiError(410, { statusCode: 410, code: 'JOIN_LINK_EXPIRED', message: 'This link has expired.' });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(410);
    expect(error.code).toBe('JOIN_LINK_EXPIRED');
    expect(error.message).toBe('This link has expired.');
    expect(error.isClientError).toBe(true);
  });

  it('joins validation messages given as an array', () => {
    const error = toApiError(400, { statusCode: 400, message: ['email must be an email', 'password is too short'] });
    expect(error.code).toBe('HTTP_400');
    expect(error.message).toBe('email must be an email. password is too short');
  });

  it('falls back to a generic message for bodies that are not JSON objects', () => {
    expect(toApiError(502, undefined).message).toMatch(/problem/);
    expect(toApiError(0, { code: 'NETWORK_ERROR' }).message).toMatch(/internet connection/);
    expect(toApiError(429, null).isClientError).toBe(false);
  });

  it('gives a message for anything thrown', () => {
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage('weird')).toMatch(/went wrong/);
  });
});
