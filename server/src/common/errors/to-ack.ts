import type { Ack } from '@visite/contracts';
import { DEFAULT_LANGUAGE, type Language } from '@visite/i18n';
import { toErrorResponse } from './error-mapping';

/**
 * Runs a socket request handler and answers with an Ack: the socket twin of AllExceptionsFilter. The
 * error's message is in `language` (the socket's: see `socketLanguage`).
 */
export async function toAck<T>(run: () => Promise<T>, language: Language = DEFAULT_LANGUAGE): Promise<Ack<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    return { ok: false, error: toErrorResponse(error, language).body };
  }
}
