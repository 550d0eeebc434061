import { newParticipant, screenshot } from '../support/browser';
import { useStackAndBrowser } from '../support/fixtures';
import { DoctorPages, PatientPages } from '../support/pages';

// Without a mail server (the stack's default, as with the start command) the invitation e-mail is kept in
// the outbox: the doctor sees its state on the visit, reads it in the Messages page with the working link,
// and resends it; the SMS is kept too. The patient opens the link read from the message.
describe('messages to patients in the outbox', () => {
  const e2e = useStackAndBrowser();

  it('shows the invitation on the visit and in the outbox, readable, resendable, with a link that opens the visit', async () => {
    const doctorSide = await newParticipant(e2e.browser, 'doctor');
    const patientSide = await newParticipant(e2e.browser, 'patient');
    const doctor = new DoctorPages(doctorSide.page, e2e.stack.baseUrl);
    const page = doctorSide.page;
    const lastName = `Courrier-${Date.now()}`;
    try {
      await doctor.login();
      await page.getByTestId('new-visit-email').fill('lucie.courrier@example.fr');
      const { link, visitId } = await doctor.createVisit({ firstName: 'Lucie', lastName, birthDate: '1961-03-02', phone: '0612345678' });

      // On the visit: the invitation on both channels, kept (no mail server, log SMS provider).
      const row = doctor.row(visitId);
      await row.getByTestId('visit-messages-toggle').click();
      const invitationByEmail = row.locator('[data-testid="visit-message"][data-kind="invitation"][data-channel="email"]');
      await row.locator('[data-testid="visit-message"][data-kind="invitation"][data-channel="email"][data-state="kept"]').waitFor({ timeout: 20_000 });
      await row.locator('[data-testid="visit-message"][data-kind="invitation"][data-channel="sms"][data-state="kept"]').waitFor({ timeout: 20_000 });
      expect(await invitationByEmail.innerText()).toMatch(/Invitation par e-mail/);
      expect(await invitationByEmail.innerText()).toMatch(/l•+@example\.fr/);
      expect(await invitationByEmail.innerText()).toMatch(/aucun serveur de messagerie configuré/);
      await screenshot(page, 'visit-messages');

      // Resend from the visit: a second invitation by e-mail appears and is kept in turn.
      await invitationByEmail.getByTestId('resend-message').click();
      await page.waitForFunction(
        (id) => document.querySelectorAll(`[data-testid="queue-row"][data-visit-id="${id}"] [data-testid="visit-message"][data-kind="invitation"][data-channel="email"][data-state="kept"]`).length === 2,
        visitId,
        { timeout: 20_000 },
      );

      // The Messages page lists them; opening one shows the rendered e-mail with the link.
      await page.getByTestId('nav-outbox').click();
      await page.getByTestId('outbox-table').waitFor();
      const outboxRow = page.locator('[data-testid="outbox-row"][data-kind="invitation"]', { hasText: lastName }).first();
      await outboxRow.waitFor({ timeout: 15_000 });
      await outboxRow.getByRole('link').first().click();
      await page.getByTestId('outbox-message').waitFor();
      expect(await page.getByTestId('message-to').innerText()).toContain('lucie.courrier@example.fr');
      expect(await page.getByTestId('message-subject').innerText()).toMatch(/Téléconsultation avec/);
      const text = await page.getByTestId('message-text').innerText();
      const found = text.match(/https?:\/\/\S+\/join\/[A-Za-z0-9_-]+/);
      expect(found?.[0]).toBe(link);
      expect(await page.getByTestId('message-ics').getAttribute('href')).toMatch(/^data:text\/calendar/);
      await screenshot(page, 'outbox-message');

      // Filter by state: only kept messages.
      await page.goto(`${e2e.stack.baseUrl}/outbox`);
      await page.getByTestId('outbox-state-filter').selectOption('kept');
      await page.waitForFunction(() => {
        const rows = Array.from(document.querySelectorAll("[data-testid=\"outbox-row\"]"));
        return rows.length > 0 && rows.every((r) => r.getAttribute('data-state') === 'kept');
      });

      // The link read from the kept e-mail opens the visit for the patient.
      const patient = new PatientPages(patientSide.page);
      await patient.openLink(found![0]);
      await patient.checkDevicesAndConsent();
      await patient.enterWaitingRoom();
      await page.goto(`${e2e.stack.baseUrl}/`);
      await page.locator(`[data-testid="queue-row"][data-visit-id="${visitId}"][data-status="waiting"]`).waitFor({ timeout: 20_000 });
    } catch (error) {
      await screenshot(page, 'failure-outbox-doctor');
      throw error;
    } finally {
      await doctorSide.context.close();
      await patientSide.context.close();
    }
  });
});
