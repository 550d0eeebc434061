/** The languages Visite speaks, and the one it speaks when it cannot tell. */
export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** French: the practices are French, and so is most of their patients' browsers. */
export const DEFAULT_LANGUAGE: Language = 'fr';

/** The name of each language in itself, for the switcher. */
export const LANGUAGE_NAMES: Record<Language, string> = { fr: 'Français', en: 'English' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
