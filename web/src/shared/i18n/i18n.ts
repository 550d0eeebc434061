import { initReactI18next } from 'react-i18next';
import { chooseLanguage, createI18n, DEFAULT_LANGUAGE, isLanguage, type Language } from '@visite/i18n';

/** Where the person's explicit choice (the FR / EN switcher) is remembered. */
export const LANGUAGE_STORAGE_KEY = 'visite.language';

function storedLanguage(): Language | null {
  try {
    const value = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

/** The remembered choice, else the browser's language when it is French or English, else French. */
export function initialLanguage(): Language {
  const remembered = storedLanguage();
  if (remembered) return remembered;
  const nav = globalThis.navigator;
  return chooseLanguage(nav ? (nav.languages?.length ? nav.languages : [nav.language]) : []);
}

/** The web's one i18next instance (react-i18next reads it through the provider). */
export const i18n = createI18n({ language: initialLanguage(), plugins: [initReactI18next] });

function applyToDocument(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
applyToDocument(i18n.language);
i18n.on('languageChanged', applyToDocument);

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

/** The switcher's action: changes every text at once and remembers the choice in this browser. */
export function setLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  void i18n.changeLanguage(language);
}

/** A text whose key is computed from data (an error code): typed keys cannot check it, `exists` can. */
export function textFor(key: string, options?: Record<string, unknown>): string {
  return (i18n.t as unknown as (key: string, options?: Record<string, unknown>) => string)(key, options);
}
