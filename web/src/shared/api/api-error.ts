/** An HTTP error from the Visite API, or a network failure (status 0). */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  /** 4xx other than timeouts and rate limits: retrying with the same input will not help. */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }
}

const GENERIC_MESSAGES: Record<number, string> = {
  0: 'Cannot reach Visite. Check your internet connection and try again.',
  401: 'Your session has expired. Please sign in again.',
  403: 'You are not allowed to do this.',
  404: 'Not found.',
  429: 'Too many attempts. Please wait a moment and try again.',
};

/** Builds an ApiError from a status and a parsed body of the form `{statusCode, code, message}`. */
export function toApiError(status: number, body: unknown): ApiError {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code = typeof record.code === 'string' && record.code ? record.code : `HTTP_${status}`;
  let message: string | undefined;
  if (typeof record.message === 'string' && record.message.trim()) message = record.message;
  else if (Array.isArray(record.message)) message = record.message.filter((m) => typeof m === 'string').join('. ') || undefined;
  if (!message) message = GENERIC_MESSAGES[status] ?? (status >= 500 ? 'Visite is having a problem. Please try again in a moment.' : 'The request was refused.');
  return new ApiError(status, code, message);
}

/** A message to show for any error thrown by API calls or other code. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Please try again.';
}
