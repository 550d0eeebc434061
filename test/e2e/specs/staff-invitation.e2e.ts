import { newParticipant, screenshot } from '../support/browser';
import { useStackAndBrowser } from '../support/fixtures';
import { AdminPages, DoctorPages, PatientPages, SetPasswordPages } from '../support/pages';

// The admin invites an assistant, who sets a password, sees the doctor's queue live, and has no way
// into a call: no admit or join button, and the API refuses when forced.
describe('an invited assistant manages the queue but never joins a call', () => {
  const e2e = useStackAndBrowser();

  it('invites, sets a password, signs in, sees the waiting patient, cannot admit or join', async () => {
    const adminSide = await newParticipant(e2e.browser, 'admin');
    const doctorSide = await newParticipant(e2e.browser, 'doctor');
    const patientSide = await newParticipant(e2e.browser, 'patient');
    const assistantSide = await newParticipant(e2e.browser, 'assistant');
    const admin = new AdminPages(adminSide.page, e2e.stack.baseUrl);
    const doctor = new DoctorPages(doctorSide.page, e2e.stack.baseUrl);
    const patient = new PatientPages(patientSide.page);
    const email = `assistant-${Date.now()}@cabinet.test`;
    try {
      await admin.login();
      const link = await admin.inviteAssistant('Camille Assistante', email, ['Dr Claire Martin']);
      expect(link).toMatch(/\/set-password\/[A-Za-z0-9_-]{40,}$/);
      expect(await admin.staffStatus(email)).toBe('invited');

      // A patient waits for the doctor.
      await doctor.login();
      const { link: joinLink, visitId } = await doctor.createVisit({ firstName: 'Odette', lastName: `Assistée-${Date.now()}`, birthDate: '1944-08-15', phone: '0611223344' });
      await patient.openLink(joinLink);
      await patient.checkDevicesAndConsent();
      await patient.enterWaitingRoom();

      await new SetPasswordPages(assistantSide.page).setPasswordAndSignIn(link, 'une phrase assez longue');
      const row = assistantSide.page.locator(`[data-testid="queue-row"][data-visit-id="${visitId}"]`);
      await row.waitFor({ timeout: 15_000 });
      await assistantSide.page.locator(`[data-testid="queue-row"][data-visit-id="${visitId}"][data-status="waiting"]`).waitFor({ timeout: 15_000 });
      await screenshot(assistantSide.page, 'assistant-queue');
      expect(await assistantSide.page.getByTestId('admit-button').count()).toBe(0);
      expect(await admin.staffStatus(email)).toBe('active');

      // Forcing the API from the assistant's session: refused, and nothing changes.
      const forced = (path: string) =>
        assistantSide.page.evaluate(async (p) => {
          const res = await fetch(p, { method: 'POST', credentials: 'same-origin' });
          return { status: res.status, code: ((await res.json()) as { code: string }).code };
        }, path);
      expect(await forced(`/api/visits/${visitId}/admit`)).toEqual({ status: 403, code: 'ASSISTANT_CANNOT_JOIN' });

      // The doctor admits; the assistant sees the consultation start, still with no way in.
      await doctor.admitWhenWaiting(visitId);
      await assistantSide.page.locator(`[data-testid="queue-row"][data-visit-id="${visitId}"][data-status="in_progress"]`).waitFor({ timeout: 15_000 });
      expect(await assistantSide.page.getByTestId('join-room-button').count()).toBe(0);
      expect(await forced(`/api/visits/${visitId}/media-access`)).toEqual({ status: 403, code: 'ASSISTANT_CANNOT_JOIN' });
      await assistantSide.page.goto(`${e2e.stack.baseUrl}/visits/${visitId}/room`);
      await assistantSide.page.getByTestId('forbidden-role').waitFor({ timeout: 15_000 });
      await screenshot(assistantSide.page, 'assistant-room-refused');
      await doctor.hangUp();
    } catch (error) {
      for (const [side, name] of [[adminSide, 'admin'], [doctorSide, 'doctor'], [assistantSide, 'assistant']] as const) await screenshot(side.page, `failure-${name}`);
      throw error;
    } finally {
      for (const side of [adminSide, doctorSide, patientSide, assistantSide]) await side.context.close();
    }
  });
});
