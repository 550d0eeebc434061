import { i18n, textFor } from '../i18n/i18n';

/** An HTTP error from the Visite API, or a network failure (status 0, code NETWORK_ERROR). */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  /** `message` is the server's own text (in the language the web asked for), possibly empty. */
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The body's `detail`: what is needed to recover (a notes conflict: the current notes). */
    readonly detail?: Record<string, unknown>,
    /** For RATE_LIMITED: seconds until the next attempt is accepted. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }

  /** 4xx other than timeouts and rate limits: retrying with the same input will not help. */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }
}

/**
 * Builds an ApiError from a status and a parsed body of the form `{statusCode, code, message}`. A body
 * without a code (a proxy's error page) gets SERVER_ERROR for 5xx and HTTP_<status> otherwise.
 */
export function toApiError(status: number, body: unknown): ApiError {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code = typeof record.code === 'string' && record.code ? record.code : status >= 500 ? 'SERVER_ERROR' : `HTTP_${status}`;
  let message = '';
  if (typeof record.message === 'string' && record.message.trim()) message = record.message;
  else if (Array.isArray(record.message)) message = record.message.filter((m) => typeof m === 'string').join('. ');
  const detail = typeof record.detail === 'object' && record.detail !== null ? (record.detail as Record<string, unknown>) : undefined;
  const retry = typeof record.retryAfterSeconds === 'number' && record.retryAfterSeconds > 0 ? record.retryAfterSeconds : null;
  return new ApiError(status, code, message, detail, retry);
}

/** "45 secondes", "2 minutes": how long to wait, in the chosen language. */
export function waitText(seconds: number, language = i18n.language): string {
  const minutes = Math.ceil(seconds / 60);
  const [value, unit] = seconds < 90 ? [Math.ceil(seconds), 'second'] : [minutes, 'minute'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** The code of an error from the API, a socket acknowledgement or the media server, if it has one. */
export function errorCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code ? code : null;
}

/** The session is gone (signed out, expired): the page should go to sign-in. */
export function isSessionGone(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'NOT_AUTHENTICATED' || code === 'UNAUTHORIZED';
}

/**
 * A message to show for any error, in the chosen language: the `errors` catalogue's text for a known
 * code, else the server's own message, else a generic one. Switches on codes, never on HTTP statuses.
 */
export function errorMessage(error: unknown): string {
  const code = errorCode(error);
  const retry = (error as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  if (code === 'RATE_LIMITED' && typeof retry === 'number' && retry > 0) return textFor('errors:RATE_LIMITED_WAIT', { time: waitText(retry) });
  if (code && i18n.exists(`errors:${code}`)) return textFor(`errors:${code}`);
  if (error instanceof Error && error.message) return error.message;
  return i18n.t('errors:UNKNOWN');
}

/** The `errors` catalogue's text for a code, else the message that came with it, else a generic text. */
export function messageForCode(code: string | null, fallback: string | null): string {
  if (code && i18n.exists(`errors:${code}`)) return textFor(`errors:${code}`);
  return fallback || i18n.t('errors:UNKNOWN');
}
