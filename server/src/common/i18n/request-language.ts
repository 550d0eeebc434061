import { isLanguage, languageFromAcceptLanguage, type Language } from '@visite/i18n';

/** The language of an HTTP request: its Accept-Language header (the web sends the person's choice), else French. */
export function requestLanguage(headers: Record<string, string | string[] | undefined> | undefined): Language {
  return languageFromAcceptLanguage(headers?.['accept-language']);
}

/**
 * The language of a socket: the `lang` the web puts in the handshake query (the person's choice), else
 * the handshake's Accept-Language, else French.
 */
export function socketLanguage(handshake: { query?: Record<string, unknown>; headers?: Record<string, string | string[] | undefined> } | undefined): Language {
  const asked = handshake?.query?.lang;
  if (isLanguage(asked)) return asked;
  return requestLanguage(handshake?.headers);
}
