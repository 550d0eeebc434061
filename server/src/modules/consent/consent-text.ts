import { t, type Language } from '@visite/i18n';

/**
 * The consent a patient accepts before a teleconsultation, in French and English (the `consent`
 * catalogue of @visite/i18n: one paragraph per key). Any change to the text, in either language, gets
 * a new version; the version accepted is stored with each consent.
 */
export const CONSENT = { version: '2026-11-v1' } as const;

const PARAGRAPHS = ['p1', 'p2', 'p3', 'p4', 'p5'] as const;

/** The consent text in a language, one paragraph per line. */
export function consentText(language: Language): string {
  return PARAGRAPHS.map((paragraph) => t(language, `consent:${paragraph}`)).join('\n');
}
