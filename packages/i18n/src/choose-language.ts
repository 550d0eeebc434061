import { DEFAULT_LANGUAGE, isLanguage, type Language } from './languages';

/** "fr-CA" -> "fr", "EN_us" -> "en"; null for anything that is not a language tag Visite speaks. */
export function supportedLanguageOf(tag: string | null | undefined): Language | null {
  if (typeof tag !== 'string') return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : null;
}

/**
 * The language rule: the person's language when it is French or English, otherwise French.
 * `preferences` are the person's languages, most preferred first (the browser's `navigator.languages`,
 * or an Accept-Language header already ordered): the first one Visite speaks wins, so a German browser
 * that also lists English gets English, and one that lists only German gets French.
 */
export function chooseLanguage(preferences: readonly (string | null | undefined)[] | string | null | undefined): Language {
  const list = typeof preferences === 'string' ? [preferences] : (preferences ?? []);
  for (const tag of list) {
    const language = supportedLanguageOf(tag);
    if (language) return language;
  }
  return DEFAULT_LANGUAGE;
}

/**
 * The language of an HTTP request from its Accept-Language header ("en-GB,en;q=0.9,fr;q=0.8"): the tags
 * ordered by their q-value (q=0 means "not this one"), then the same rule as the browser.
 */
export function languageFromAcceptLanguage(header: string | readonly string[] | null | undefined): Language {
  const raw = Array.isArray(header) ? header.join(',') : typeof header === 'string' ? header : '';
  const tags = raw
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)).find(Boolean);
      const weight = q ? Number(q[1]) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.tag);
  return chooseLanguage(tags);
}
