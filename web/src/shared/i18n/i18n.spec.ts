import { i18n, initialLanguage, LANGUAGE_STORAGE_KEY, setLanguage } from './i18n';

/** A browser's globals for the language choice: its languages and its storage. */
function browser(languages: string[], stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  Object.defineProperty(globalThis, 'navigator', { value: { languages, language: languages[0] }, configurable: true });
  Object.defineProperty(globalThis, 'localStorage', {
    value: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) },
    configurable: true,
  });
  return storage;
}

describe('the language the web starts in', () => {
  afterEach(() => {
    delete (globalThis as { navigator?: unknown }).navigator;
    delete (globalThis as { localStorage?: unknown }).localStorage;
    return i18n.changeLanguage('fr');
  });

  it("is the browser's when it is French or English, otherwise French", () => {
    browser(['en-GB', 'en']);
    expect(initialLanguage()).toBe('en');
    browser(['fr-CA']);
    expect(initialLanguage()).toBe('fr');
    browser(['de-DE', 'it']);
    expect(initialLanguage()).toBe('fr');
  });

  it('is the remembered choice first, and the switcher remembers it', async () => {
    const storage = browser(['en-US'], { [LANGUAGE_STORAGE_KEY]: 'fr' });
    expect(initialLanguage()).toBe('fr');
    setLanguage('en');
    expect(storage.get(LANGUAGE_STORAGE_KEY)).toBe('en');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(i18n.language).toBe('en');
    storage.set(LANGUAGE_STORAGE_KEY, 'klingon');
    expect(initialLanguage()).toBe('en');
  });
});
