import { LANGUAGES, RESOURCES, type Language } from '@visite/i18n';
import type { Page } from 'playwright-core';

/** Fragments shorter than this are ignored ("OK", "Patient", "E-mail": the same or too common in both). */
const MIN_FRAGMENT = 12;

const normalise = (text: string) => text.replace(/[\u00a0\u202f\s]+/g, ' ').trim();

function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}

/** Every text of a language's catalogues, normalised. */
function catalogueTexts(language: Language): string[] {
  return Object.values(RESOURCES[language]).flatMap(texts).map(normalise);
}

/**
 * The pieces of the other language's catalogues that must never show on a page in `language`: each
 * text split around its variables and tags ("{{doctor}}", "<strong>"), keeping the fragments of at least
 * MIN_FRAGMENT characters that appear in no text of `language` itself (so strings that are the same in
 * both languages, and very short ones, are ignored).
 */
export function foreignFragments(language: Language): string[] {
  const own = catalogueTexts(language);
  const others = LANGUAGES.filter((l) => l !== language).flatMap(catalogueTexts);
  const fragments = new Set<string>();
  for (const text of others) {
    for (const piece of text.split(/\{\{[^}]*\}\}|<\/?\w+[^>]*>/)) {
      const fragment = normalise(piece);
      if (fragment.length >= MIN_FRAGMENT && !own.some((mine) => mine.includes(fragment))) fragments.add(fragment);
    }
  }
  return [...fragments];
}

/** What a person sees and hears on the page: its visible text, the tab's title and the accessible labels. */
export function pageTexts(page: Page): Promise<string> {
  return page.evaluate(() => {
    const labels = Array.from(document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')).flatMap((el) =>
      ['aria-label', 'title', 'placeholder', 'alt'].map((name) => el.getAttribute(name) ?? ''),
    );
    return [document.title, document.body.innerText, ...labels].join('\n');
  });
}

/** The fragments of the other language found on the page (empty when the page speaks only `language`). */
export async function otherLanguageOn(page: Page, language: Language): Promise<string[]> {
  const shown = normalise(await pageTexts(page));
  return foreignFragments(language).filter((fragment) => shown.includes(fragment));
}
