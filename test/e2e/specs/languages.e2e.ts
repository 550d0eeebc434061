import { t, type Language } from '@visite/i18n';
import type { Page } from 'playwright-core';
import { newParticipant, screenshot } from '../support/browser';
import { useStackAndBrowser } from '../support/fixtures';
import { foreignFragments, otherLanguageOn } from '../support/languages';
import { DoctorPages, PatientPages } from '../support/pages';

// The patient's join flow speaks one language at a time: the browser's (French or English, else French),
// or the one chosen with the FR / EN switcher, remembered after a reload. <html lang> follows it.
describe('the join flow in French and in English', () => {
  const e2e = useStackAndBrowser();
  let doctor: DoctorPages;
  let closeDoctor: () => Promise<void>;

  beforeAll(async () => {
    const side = await newParticipant(e2e.browser, 'languages-doctor');
    doctor = new DoctorPages(side.page, e2e.stack.baseUrl);
    closeDoctor = () => side.context.close();
    await doctor.login();
  });
  afterAll(() => closeDoctor?.());

  const newLink = async (lastName: string) => (await doctor.createVisit({ firstName: 'Lucie', lastName: `${lastName}-${Date.now()}`, birthDate: '1948-05-12', phone: '0612345678' })).link;

  /** The page is in `language`: <html lang>, a text of its own catalogue visible, none of the other's. */
  async function expectPageIn(page: Page, language: Language, ownText: string, step: string): Promise<void> {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
    await page.getByText(ownText, { exact: false }).first().waitFor({ timeout: 10_000 });
    const foreign = await otherLanguageOn(page, language);
    if (foreign.length) await screenshot(page, `languages-${language}-${step}-mixed`);
    expect({ step, foreign }).toEqual({ step, foreign: [] });
  }

  it('the check itself finds the other language: the catalogues differ in long fragments both ways', () => {
    expect(foreignFragments('fr')).toContain('Check my camera and microphone');
    expect(foreignFragments('en')).toContain('Vérifier ma caméra et mon micro');
    expect(foreignFragments('fr').length).toBeGreaterThan(200);
  });

  it.each([
    ['fr', 'fr-FR'],
    ['en', 'en-US'],
  ] as const)('walks the link, intro, device check and consent, and waiting room in %s (browser %s)', async (language, locale) => {
    const { context, page } = await newParticipant(e2e.browser, `languages-patient-${language}`, { locale });
    const patient = new PatientPages(page);
    try {
      await patient.openLink(await newLink(`Langue-${language}`));
      await expectPageIn(page, language, t(language, 'join:intro.title'), 'intro');
      expect(await page.title()).toContain('Visite');
      await screenshot(page, `languages-${language}-intro`);

      await patient.checkDevicesAndConsent();
      await expectPageIn(page, language, t(language, 'join:consent.title'), 'check');
      // The consent texts come from the practice (its first version: the catalogue's), shown in the page's language.
      await page.getByText(t(language, 'consent:health_data.title'), { exact: true }).waitFor();
      await screenshot(page, `languages-${language}-check`);

      await patient.enterWaitingRoom();
      await expectPageIn(page, language, t(language, 'waiting:title'), 'waiting');
      await screenshot(page, `languages-${language}-waiting`);
    } finally {
      await context.close();
    }
  });

  it.each([
    ['fr', 'fr-FR'],
    ['en', 'en-GB'],
  ] as const)("shows the login page and the doctor's queue in %s (browser %s)", async (language, locale) => {
    const { context, page } = await newParticipant(e2e.browser, `languages-doctor-${language}`, { locale });
    try {
      await page.goto(`${e2e.stack.baseUrl}/login`);
      await expectPageIn(page, language, t(language, 'auth:title'), 'login');
      expect(await page.title()).toBe(t(language, 'auth:documentTitle'));
      const own = new DoctorPages(page, e2e.stack.baseUrl);
      await own.login();
      await own.createVisit({ firstName: 'Paul', lastName: `File-${language}-${Date.now()}`, birthDate: '1939-09-09', phone: '0612345678' });
      await expectPageIn(page, language, t(language, 'queue:title'), 'queue');
      expect(await page.title()).toBe(t(language, 'queue:baseTitle'));
      await screenshot(page, `languages-${language}-queue`);
    } finally {
      await context.close();
    }
  });

  it('speaks French to a browser in another language', async () => {
    const { context, page } = await newParticipant(e2e.browser, 'languages-patient-de', { locale: 'de-DE' });
    try {
      await new PatientPages(page).openLink(await newLink('Sprache'));
      await expectPageIn(page, 'fr', t('fr', 'join:intro.title'), 'intro-de');
    } finally {
      await context.close();
    }
  });

  it('switches language on the page, every text at once, and remembers the choice after a reload', async () => {
    const { context, page } = await newParticipant(e2e.browser, 'languages-patient-switch', { locale: 'fr-FR' });
    const patient = new PatientPages(page);
    try {
      await patient.openLink(await newLink('Bascule'));
      await patient.checkDevicesAndConsent();
      await patient.enterWaitingRoom();
      await expectPageIn(page, 'fr', t('fr', 'waiting:title'), 'before-switch');

      await page.getByTestId('language-en').click();
      await expectPageIn(page, 'en', t('en', 'waiting:title'), 'after-switch');
      expect(await page.getByTestId('language-en').getAttribute('aria-pressed')).toBe('true');

      await page.reload();
      await page.getByTestId('join-doctor-name').waitFor();
      await expectPageIn(page, 'en', t('en', 'join:intro.title'), 'after-reload');
      expect(await page.evaluate(() => localStorage.getItem('visite.language'))).toBe('en');

      await page.getByTestId('language-fr').click();
      await expectPageIn(page, 'fr', t('fr', 'join:intro.title'), 'back-to-french');
    } finally {
      await context.close();
    }
  });
});
