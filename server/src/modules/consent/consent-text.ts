import { CONSENT_KINDS, consentTextContentSchema, LANGUAGES, type ConsentKind, type ConsentTextContent } from '@visite/contracts';
import { hasText, t } from '@visite/i18n';

/**
 * The text a practice starts with for each kind of consent, in French and English: the `consent`
 * catalogue of @visite/i18n. It becomes the practice's version 1 the first time a text of that kind is
 * needed; the practice's admin then edits it (each edit is a new version).
 */
export function defaultConsentContent(kind: ConsentKind): ConsentTextContent {
  const content = Object.fromEntries(
    LANGUAGES.map((language) => [
      language,
      {
        title: t(language, `consent:${kind}.title`),
        body: t(language, `consent:${kind}.body`),
        audioBody: hasText(language, `consent:${kind}.audioBody`) ? t(language, `consent:${kind}.audioBody`) : null,
      },
    ]),
  );
  return consentTextContentSchema.parse(content);
}

/** Kinds whose text must say it differently for a patient without video. */
export const KINDS_WITH_AUDIO_WORDING: readonly ConsentKind[] = ['teleconsultation'];

export { CONSENT_KINDS };
