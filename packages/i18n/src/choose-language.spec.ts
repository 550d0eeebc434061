import { chooseLanguage, languageFromAcceptLanguage, supportedLanguageOf } from './choose-language';

describe('chooseLanguage (the browser language when French or English, otherwise French)', () => {
  it.each([
    [['fr-FR', 'fr'], 'fr'],
    [['en-GB'], 'en'],
    [['en-US', 'fr'], 'en'],
    [['de-DE'], 'fr'],
    [['de-DE', 'en-US'], 'en'],
    [['es', 'fr-CA', 'en'], 'fr'],
    [[], 'fr'],
  ] as const)('%j -> %s', (preferences, expected) => {
    expect(chooseLanguage(preferences)).toBe(expected);
  });

  it('takes one tag, nothing or junk', () => {
    expect(chooseLanguage('EN_us')).toBe('en');
    expect(chooseLanguage(undefined)).toBe('fr');
    expect(chooseLanguage(null)).toBe('fr');
    expect(chooseLanguage(['', '   ', 'x-klingon'])).toBe('fr');
    expect(supportedLanguageOf('english')).toBeNull();
  });
});

describe('languageFromAcceptLanguage', () => {
  it.each([
    ['fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7', 'fr'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE,de;q=0.9,en;q=0.5', 'en'],
    ['de;q=1, fr;q=0.2, en;q=0.4', 'en'],
    ['en;q=0, fr', 'fr'],
    ['*', 'fr'],
    ['', 'fr'],
    ['en;q=abc', 'en'], // a malformed q-value is ignored
  ])('%s -> %s', (header, expected) => {
    expect(languageFromAcceptLanguage(header)).toBe(expected);
  });

  it('defaults to French without a header', () => {
    expect(languageFromAcceptLanguage(undefined)).toBe('fr');
    expect(languageFromAcceptLanguage(['en'])).toBe('en');
  });
});
