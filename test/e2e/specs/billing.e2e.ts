import type { Page } from 'playwright-core';
import { newParticipant, newParticipantWithoutCamera, screenshot, waitForMedia } from '../support/browser';
import { BillingPages, CodingPages, DoctorPages, PatientPages } from '../support/pages';
import { useStackAndBrowser } from '../support/fixtures';

/** Today in Paris, as the server dates the service. */
function parisToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

// The doctor codes at the end of the visit; billing staff check and export. Real media decide the modality.
describe('billing a teleconsultation', () => {
  const e2e = useStackAndBrowser();

  /** A visit through the real UI and media; the doctor hangs up once each side receives the other. */
  async function runVisit(patientHasCamera: boolean, lastName: string) {
    const doctorSide = await newParticipant(e2e.browser, `billing-doctor-${lastName}`);
    const patientSide = patientHasCamera ? await newParticipant(e2e.browser, `billing-patient-${lastName}`) : await newParticipantWithoutCamera(e2e.browser, `billing-patient-${lastName}`);
    const doctor = new DoctorPages(doctorSide.page, e2e.stack.baseUrl);
    const patient = new PatientPages(patientSide.page);
    await doctor.login();
    const { link, visitId } = await doctor.createVisit({ firstName: 'Louise', lastName, birthDate: '1951-10-12', phone: '0612345678' });
    await patient.openLink(link);
    await patient.checkDevicesAndConsent();
    await patient.enterWaitingRoom();
    await doctor.admitWhenWaiting(visitId);
    await patientSide.page.getByTestId('consultation-room').waitFor({ timeout: 20_000 });
    await waitForMedia(doctorSide.page, (m) => m.audioPacketsReceived > 100 && (!patientHasCamera || m.framesDecoded >= 60));
    await waitForMedia(patientSide.page, (m) => m.framesDecoded >= 60 && m.audioPacketsReceived > 100);
    await doctor.hangUp();
    const coding = new CodingPages(doctorSide.page);
    await coding.waitForCodingPage(visitId);
    return { doctorSide, patientSide, coding, visitId };
  }

  /** Billing staff sign in, list today's lines and find the visit's line in the given state. */
  async function billerFindsLine(billerPage: Page, visitId: string, state: string) {
    const day = parisToday();
    const biller = new BillingPages(billerPage, e2e.stack.baseUrl);
    await biller.login();
    await biller.showLines(day, day);
    const row = biller.line(visitId);
    await row.waitFor({ timeout: 20_000 });
    expect(await row.getAttribute('data-state')).toBe(state);
    return { biller, row, day };
  }

  it('codes a video visit TCG at its end; the biller sees it with no blocking error and downloads the CSV and the FHIR bundle', async () => {
    const lastName = `Facture-${Date.now()}`;
    const { doctorSide, patientSide, coding, visitId } = await runVisit(true, lastName);
    const billerSide = await newParticipant(e2e.browser, 'biller');
    try {
      const d = doctorSide.page;
      await expect(d.getByTestId('coding-modality').textContent()).resolves.toBe('vidéo');
      await expect(d.getByTestId('coding-proposal').textContent()).resolves.toContain('TCG');
      await coding.saveIdentity({ insuredNir: '295109912611193', rank: 1, status: 'VALI', regularDoctorIsMe: true });
      const saved = await coding.code('TCG', 'home');
      expect(saved).toMatch(/État : prête/);
      expect(await d.locator('[data-testid="rule-result"][data-severity="error"]').count()).toBe(0);
      await screenshot(d, 'billing-coding-video');

      const { biller, row, day } = await billerFindsLine(billerSide.page, visitId, 'ready');
      expect(await row.getByTestId('line-code').textContent()).toContain('TCG');
      expect(await row.getByTestId('line-modality').textContent()).toBe('vidéo');
      expect(await row.locator('[data-testid="rule-result"][data-severity="error"]').count()).toBe(0);
      await screenshot(billerSide.page, 'billing-lines');

      const batchId = await biller.createBatch(day, day);
      expect(batchId).toMatch(/^[0-9a-f-]{36}$/);
      const csv = await biller.download(batchId, 'csv');
      expect(csv.name).toMatch(/\.csv$/);
      const rows = csv.text.replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
      const header = rows[0]!.split(';');
      const mine = rows.slice(1).map((r) => r.split(';')).find((cells) => cells[header.indexOf('visit_id')] === visitId);
      expect(mine).toBeDefined();
      expect(mine![header.indexOf('act_code')]).toBe('TCG');
      expect(mine![header.indexOf('total_amount')]).toBe('25.00');
      expect(mine![header.indexOf('date_of_service')]).toBe(day);
      expect(mine![header.indexOf('insured_nir')]).toBe('295109912611193');
      expect(mine![header.indexOf('modality')]).toBe('video');

      const fhir = await biller.download(batchId, 'fhir-fr');
      const bundle = JSON.parse(fhir.text) as { resourceType: string; type: string; entry: { resource: Record<string, unknown> }[] };
      expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'transaction' });
      const types = bundle.entry.map((e) => e.resource.resourceType);
      expect(types).toEqual(expect.arrayContaining(['Patient', 'Practitioner', 'PractitionerRole', 'Encounter', 'Coverage', 'ChargeItem']));
      const encounter = bundle.entry.map((e) => e.resource).find((r) => r.resourceType === 'Encounter') as { class: { code: string } };
      expect(encounter.class.code).toBe('VR');
      await screenshot(billerSide.page, 'billing-batches');
    } catch (error) {
      await screenshot(doctorSide.page, 'failure-billing-doctor');
      await screenshot(billerSide.page, 'failure-billing-biller');
      throw error;
    } finally {
      await doctorSide.context.close();
      await patientSide.context.close();
      await billerSide.context.close();
    }
  });

  it('blocks an audio-only visit coded TCG with the F1 message, for the doctor and for the biller', async () => {
    const lastName = `Audio-${Date.now()}`;
    const { doctorSide, patientSide, coding, visitId } = await runVisit(false, lastName);
    const billerSide = await newParticipant(e2e.browser, 'biller-audio');
    try {
      const d = doctorSide.page;
      await expect(d.getByTestId('coding-modality').textContent()).resolves.toBe('audio uniquement');
      await expect(d.getByTestId('coding-proposal').textContent()).resolves.toMatch(/F1/);
      await coding.saveIdentity({ insuredNir: '295109912611193', rank: 1, status: 'VALI', regularDoctorIsMe: true });
      const saved = await coding.code('TCG', 'home');
      expect(saved).toMatch(/État : bloquée/);
      const f1 = d.locator('[data-testid="rule-result"][data-rule="F1"][data-severity="error"]').first();
      await f1.waitFor({ timeout: 10_000 });
      expect(await f1.textContent()).toMatch(/F1: .*audio/i);
      await screenshot(d, 'billing-coding-audio-blocked');

      const { row } = await billerFindsLine(billerSide.page, visitId, 'blocked');
      const rowF1 = row.locator('[data-testid="rule-result"][data-rule="F1"][data-severity="error"]');
      expect(await rowF1.textContent()).toMatch(/F1: .*audio/i);
      await screenshot(billerSide.page, 'billing-line-blocked-f1');
    } catch (error) {
      await screenshot(doctorSide.page, 'failure-billing-audio-doctor');
      await screenshot(billerSide.page, 'failure-billing-audio-biller');
      throw error;
    } finally {
      await doctorSide.context.close();
      await patientSide.context.close();
      await billerSide.context.close();
    }
  });
});
