import { i18n } from '../i18n/i18n';
import { ApiError, errorMessage, isSessionGone, toApiError } from './api-error';

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

  it('gives bodies without a code a code of their own', () => {
    expect(toApiError(502, undefined).code).toBe('SERVER_ERROR');
    expect(toApiError(404, '<html>').code).toBe('HTTP_404');
    expect(toApiError(429, null).isClientError).toBe(false);
  });
});

describe('errorMessage (by code, in the chosen language)', () => {
  afterEach(() => i18n.changeLanguage('fr'));

  it("shows the catalogue's text for a known code, in French by default and in English when chosen", async () => {
    const error = toApiError(410, { code: 'JOIN_LINK_EXPIRED', message: 'whatever the server said' });
    expect(errorMessage(error)).toBe('Ce lien a expiré. Demandez-en un nouveau au cabinet.');
    await i18n.changeLanguage('en');
    expect(errorMessage(error)).toBe('This link has expired. Ask the practice for a new one.');
    expect(errorMessage(toApiError(0, { code: 'NETWORK_ERROR' }))).toMatch(/internet connection/);
    expect(errorMessage(toApiError(503, undefined))).toMatch(/Visite is having a problem/);
  });

  it('says how long to wait after too many attempts, by code, in French and English', async () => {
    const error = toApiError(429, { code: 'RATE_LIMITED', message: 'Too many attempts.', retryAfterSeconds: 45 });
    expect(error.retryAfterSeconds).toBe(45);
    expect(errorMessage(error).replace(/\s/g, ' ')).toBe('Trop de tentatives. Réessayez dans 45 secondes.');
    expect(errorMessage(toApiError(429, { code: 'RATE_LIMITED', message: '', retryAfterSeconds: 240 })).replace(/\s/g, ' ')).toBe('Trop de tentatives. Réessayez dans 4 minutes.');
    await i18n.changeLanguage('en');
    expect(errorMessage(error)).toBe('Too many attempts. Try again in 45 seconds.');
    expect(errorMessage(toApiError(429, { code: 'RATE_LIMITED', message: '' }))).toBe('Too many attempts. Please wait before trying again.');
  });

  it("falls back to the server's message for an unknown code, then to a generic text", () => {
    expect(errorMessage(toApiError(409, { code: 'SOMETHING_NEW', message: 'Le serveur explique.' }))).toBe('Le serveur explique.');
    expect(errorMessage(toApiError(404, undefined))).toBe('Un problème est survenu. Veuillez réessayer.');
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage('weird')).toBe('Un problème est survenu. Veuillez réessayer.');
  });

  it('does not decide by status: the same status with another code is another message', () => {
    expect(errorMessage(toApiError(404, { code: 'VISIT_NOT_FOUND' }))).toBe('Cette consultation n’existe pas.');
    expect(errorMessage(toApiError(404, { code: 'JOIN_LINK_INVALID' }))).toMatch(/^Ce lien n’est pas valable/);
    expect(isSessionGone(toApiError(401, { code: 'NOT_AUTHENTICATED' }))).toBe(true);
    expect(isSessionGone(toApiError(401, { code: 'INVALID_CREDENTIALS' }))).toBe(false);
  });
});
