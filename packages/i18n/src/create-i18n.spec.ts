import { createI18n, hasText, t } from './create-i18n';

describe('createI18n', () => {
  it('starts in French with every namespace loaded, and switches', async () => {
    const i18n = createI18n();
    expect(i18n.language).toBe('fr');
    expect(i18n.t('join:intro.title')).toBe('Avant de commencer');
    await i18n.changeLanguage('en');
    expect(i18n.t('join:intro.title')).toBe('Before you start');
    expect(i18n.t('waiting:messageFrom', { doctor: 'Dr Martin' })).toBe('Message from Dr Martin');
  });

  it('uses each language’s plural rules (0 and 1 are singular in French)', () => {
    expect(t('fr', 'waiting:estimate', { count: 0 })).toBe('Attente estimée : environ une minute.');
    expect(t('fr', 'waiting:estimate', { count: 1 })).toBe('Attente estimée : environ une minute.');
    expect(t('fr', 'waiting:estimate', { count: 7 })).toBe('Attente estimée : environ 7 minutes.');
    expect(t('en', 'waiting:estimate', { count: 0 })).toBe('Estimated wait: about 0 minutes.');
    expect(t('en', 'waiting:estimate', { count: 1 })).toBe('Estimated wait: about a minute.');
  });

  it('t() renders server-side texts, hasText() tells which codes have one', () => {
    expect(t('fr', 'errors:JOIN_LINK_EXPIRED')).toBe('Ce lien a expiré. Demandez-en un nouveau au cabinet.');
    expect(t('en', 'errors:JOIN_LINK_EXPIRED')).toBe('This link has expired. Ask the practice for a new one.');
    expect(hasText('en', 'errors:VISIT_NOT_FOUND')).toBe(true);
    expect(hasText('fr', 'errors:NO_SUCH_CODE')).toBe(false);
  });
});
