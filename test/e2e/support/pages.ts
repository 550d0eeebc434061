import type { Page } from 'playwright-core';

const byId = (page: Page, id: string) => page.getByTestId(id);

/** The doctor's screens: login, queue, room. */
export class DoctorPages {
  constructor(readonly page: Page, private readonly baseUrl: string) {}

  async login(email = 'doctor@visite.local', password = 'visite-demo'): Promise<void> {
    await this.page.goto(`${this.baseUrl}/login`);
    await byId(this.page, 'login-email').fill(email);
    await byId(this.page, 'login-password').fill(password);
    await byId(this.page, 'login-submit').click();
    await byId(this.page, 'new-visit-first-name').waitFor();
  }

  /** Creates a visit through the form; returns the join link shown to copy and the visit's id. */
  async createVisit(patient: { firstName: string; lastName: string; birthDate: string; phone: string }): Promise<{ link: string; visitId: string }> {
    await byId(this.page, 'new-visit-first-name').fill(patient.firstName);
    await byId(this.page, 'new-visit-last-name').fill(patient.lastName);
    await byId(this.page, 'new-visit-birth-date').fill(patient.birthDate);
    await byId(this.page, 'new-visit-phone').fill(patient.phone);
    await byId(this.page, 'new-visit-submit').click();
    const linkInput = byId(this.page, 'visit-link');
    await linkInput.waitFor();
    const link = await linkInput.inputValue();
    const queue = await this.page.context().request.get(`${this.baseUrl}/api/visits/today`);
    const visit = ((await queue.json()) as { visits: { id: string; patient: { lastName: string } }[] }).visits.find((v) => v.patient.lastName === patient.lastName);
    if (!visit) throw new Error(`the new visit of ${patient.lastName} is not in the queue`);
    return { link, visitId: visit.id };
  }

  row(visitId: string) {
    return this.page.locator(`[data-testid="queue-row"][data-visit-id="${visitId}"]`);
  }

  async admitWhenWaiting(visitId: string): Promise<void> {
    const row = this.page.locator(`[data-testid="queue-row"][data-visit-id="${visitId}"][data-status="waiting"]`);
    await row.waitFor({ timeout: 20_000 });
    await row.getByTestId('admit-button').click();
    await byId(this.page, 'consultation-room').waitFor({ timeout: 20_000 });
  }

  async hangUp(): Promise<void> {
    await byId(this.page, 'hang-up').click();
  }
}

/** The patient's screens: link, device check, consent, waiting room, room. */
export class PatientPages {
  constructor(readonly page: Page) {}

  async openLink(link: string): Promise<void> {
    await this.page.goto(link);
    await byId(this.page, 'join-doctor-name').waitFor();
  }

  async checkDevicesAndConsent(): Promise<void> {
    await byId(this.page, 'device-check-start').click();
    await byId(this.page, 'device-preview').waitFor();
    await byId(this.page, 'consent-checkbox').check();
  }

  async enterWaitingRoom(): Promise<void> {
    await byId(this.page, 'enter-waiting-room').click();
    await byId(this.page, 'waiting-room').waitFor();
  }
}
