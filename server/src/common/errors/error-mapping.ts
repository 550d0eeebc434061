import { HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ErrorBody } from '@visite/contracts';
import { DEFAULT_LANGUAGE, hasText, t, type Language } from '@visite/i18n';
import { DomainException, DomainErrorKind } from './domain.exception';
import { InputException } from './input.exception';

const STATUS: Record<DomainErrorKind, number> = {
  'bad-request': HttpStatus.BAD_REQUEST,
  unauthorized: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  gone: HttpStatus.GONE,
  'too-many-requests': HttpStatus.TOO_MANY_REQUESTS,
};

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

const logger = new Logger('Errors');

/** The `errors` catalogue's text for a code in the request's language, else the message given. */
function textOf(code: string, language: Language, fallback: string): string {
  return hasText(language, `errors:${code}`) ? t(language, `errors:${code}`) : fallback;
}

/**
 * The one place where errors become what a client sees: typed domain exceptions keep their code,
 * Nest's HTTP exceptions (validation, 404) and body-parser errors keep their 4xx status, anything
 * else is logged and becomes a 500 without internals. Messages are in the request's language, from
 * the `errors` catalogue of @visite/i18n by code (the web shows the same texts by code).
 */
export function toErrorResponse(error: unknown, language: Language = DEFAULT_LANGUAGE): { status: number; body: ErrorBody } {
  if (error instanceof InputException) {
    // The translated sentence, then which field and why (the detail names fields, as the schemas do).
    const message = `${textOf(error.code, language, '')} ${error.message}`.trim();
    return { status: 400, body: { code: error.code, message, ...(error.issues.length ? { issues: error.issues } : {}) } };
  }
  if (error instanceof DomainException) {
    const retry = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    const body: ErrorBody = { code: error.code, message: textOf(error.code, language, error.message), ...(error.detail ? { detail: error.detail } : {}) };
    if (typeof retry === 'number') body.retryAfterSeconds = retry;
    return { status: STATUS[error.kind], body };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    let message = error.message;
    if (typeof response === 'object' && response && 'message' in response) {
      const m = (response as { message: unknown }).message;
      message = Array.isArray(m) ? m.join('; ') : String(m);
    }
    const code = status === 400 && Array.isArray((response as { message?: unknown }).message) ? 'VALIDATION_FAILED' : (HTTP_CODES[status] ?? 'ERROR');
    // Validation details name the fields: they follow the translated sentence. Nest reports a body that
    // is not JSON as a 400 whose message is the parser's ("Unexpected end of JSON input").
    const text =
      code === 'VALIDATION_FAILED'
        ? `${textOf(code, language, '')} ${message}`.trim()
        : status === 400 && /\bJSON\b/.test(message)
          ? textOf('INVALID_JSON', language, message)
          : textOf(code, language, message);
    return { status, body: { code, message: text } };
  }
  const httpError = error as { status?: unknown; statusCode?: unknown; expose?: unknown; message?: unknown; type?: unknown };
  const status = Number(httpError?.status ?? httpError?.statusCode);
  if (Number.isInteger(status) && status >= 400 && status < 500) {
    const code = HTTP_CODES[status] ?? 'BAD_REQUEST';
    // A bad payload's own message says what is wrong (field by field): it follows the translated sentence.
    const detail = typeof httpError.message === 'string' ? httpError.message : '';
    const message = httpError.type === 'entity.parse.failed' ? textOf('INVALID_JSON', language, 'The request body is not valid JSON.') : `${textOf(code, language, '')} ${detail}`.trim() || 'Bad request';
    return { status, body: { code, message } };
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return { status: 500, body: { code: 'INTERNAL', message: textOf('INTERNAL', language, 'Something went wrong on our side. Please try again.') } };
}
