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
    // The link of a visit created before may still be shown: wait for the new one.
    const previous = (await byId(this.page, 'visit-link').count()) ? await byId(this.page, 'visit-link').inputValue() : null;
    await byId(this.page, 'new-visit-first-name').fill(patient.firstName);
    await byId(this.page, 'new-visit-last-name').fill(patient.lastName);
    await byId(this.page, 'new-visit-birth-date').fill(patient.birthDate);
    await byId(this.page, 'new-visit-phone').fill(patient.phone);
    await byId(this.page, 'new-visit-submit').click();
    const linkInput = byId(this.page, 'visit-link');
    await linkInput.waitFor();
    await this.page.waitForFunction((before) => (document.querySelector('[data-testid="visit-link"]') as HTMLInputElement | null)?.value !== before, previous);
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
    await this.checkDevices();
    await this.acceptConsents();
  }

  /** The device check screen, up to its preview. */
  async checkDevices(): Promise<void> {
    await byId(this.page, 'device-check-start').click();
    await byId(this.page, 'device-preview').waitFor();
  }

  /** From the device check, on to the consent texts; ticks every one shown (one box per text). */
  async acceptConsents(): Promise<void> {
    await byId(this.page, 'device-check-continue').click();
    await byId(this.page, 'consent-step').waitFor();
    const boxes = this.page.locator('[data-testid^="consent-checkbox-"]');
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
  }

  async enterWaitingRoom(): Promise<void> {
    await byId(this.page, 'enter-waiting-room').click();
    await byId(this.page, 'waiting-room').waitFor();
  }
}

/** The doctor's end-of-visit coding screen (shown after hanging up). */
export class CodingPages {
  constructor(readonly page: Page) {}

  async waitForCodingPage(visitId: string): Promise<void> {
    await this.page.waitForURL(`**/visits/${visitId}/coding`, { timeout: 20_000 });
    await byId(this.page, 'coding-page').waitFor({ timeout: 20_000 });
  }

  /** The billing identity read from the patient's card: insured NIR, rank, status; "I am their regular doctor". */
  async saveIdentity(identity: { insuredNir: string; rank: number; status: 'PROV' | 'VALI' | 'RECUP' | 'QUAL'; regularDoctorIsMe: boolean }): Promise<void> {
    await byId(this.page, 'identity-insured-nir').fill(identity.insuredNir);
    await byId(this.page, 'identity-rank').fill(String(identity.rank));
    await byId(this.page, 'identity-status').selectOption(identity.status);
    if (identity.regularDoctorIsMe) await byId(this.page, 'identity-regular-doctor-self').check();
    await byId(this.page, 'identity-save').click();
    await byId(this.page, 'identity-saved').waitFor({ timeout: 10_000 });
  }

  async code(code: string, location: string): Promise<string> {
    await byId(this.page, 'coding-code').selectOption(code);
    await byId(this.page, 'coding-location').selectOption(location);
    await byId(this.page, 'coding-save').click();
    const saved = byId(this.page, 'coding-saved');
    await saved.waitFor({ timeout: 10_000 });
    return (await saved.textContent()) ?? '';
  }

  ruleResults() {
    return this.page.getByTestId('rule-result');
  }
}

/** Billing staff's screens: lines, batches. */
export class BillingPages {
  constructor(readonly page: Page, private readonly baseUrl: string) {}

  async login(email = 'billing@visite.local', password = 'visite-demo'): Promise<void> {
    await this.page.goto(`${this.baseUrl}/login`);
    await byId(this.page, 'login-email').fill(email);
    await byId(this.page, 'login-password').fill(password);
    await byId(this.page, 'login-submit').click();
    await byId(this.page, 'billing-page').waitFor({ timeout: 20_000 });
  }

  async showLines(from: string, to: string): Promise<void> {
    await byId(this.page, 'billing-tab-lines').click();
    await byId(this.page, 'billing-filter-from').fill(from);
    await byId(this.page, 'billing-filter-to').fill(to);
    await byId(this.page, 'billing-apply').click();
  }

  line(visitId: string) {
    return this.page.locator(`[data-testid="billing-line"][data-visit-id="${visitId}"]`);
  }

  async createBatch(from: string, to: string): Promise<string> {
    await byId(this.page, 'billing-tab-batches').click();
    await byId(this.page, 'batch-from').fill(from);
    await byId(this.page, 'batch-to').fill(to);
    await byId(this.page, 'batch-create').click();
    await byId(this.page, 'batch-created').waitFor({ timeout: 20_000 });
    const row = this.page.getByTestId('batch-row').first();
    return (await row.getAttribute('data-batch-id')) ?? '';
  }

  /** Clicks a download link of a batch and returns the file's text. */
  async download(batchId: string, format: 'csv' | 'json' | 'fhir-fr' | 'fhir-us'): Promise<{ name: string; text: string }> {
    const link = this.page.locator(`[data-testid="batch-row"][data-batch-id="${batchId}"]`).getByTestId(`batch-download-${format}`);
    const [download] = await Promise.all([this.page.waitForEvent('download', { timeout: 20_000 }), link.click()]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }
}

/** The admin's staff screen. */
export class AdminPages {
  constructor(readonly page: Page, private readonly baseUrl: string) {}

  async login(email = 'admin@visite.local', password = 'visite-demo'): Promise<void> {
    await this.page.goto(`${this.baseUrl}/login`);
    await byId(this.page, 'login-email').fill(email);
    await byId(this.page, 'login-password').fill(password);
    await byId(this.page, 'login-submit').click();
    await byId(this.page, 'invite-email').waitFor();
  }

  /** Invites an assistant of the named doctors; returns the set-password link shown to copy. */
  async inviteAssistant(name: string, email: string, doctorNames: string[]): Promise<string> {
    await byId(this.page, 'invite-name').fill(name);
    await byId(this.page, 'invite-email').fill(email);
    await byId(this.page, 'invite-role').selectOption('assistant');
    for (const doctor of doctorNames) await this.page.getByLabel(doctor).check();
    await byId(this.page, 'invite-submit').click();
    const link = byId(this.page, 'password-link');
    await link.waitFor();
    return link.inputValue();
  }

  async staffStatus(email: string): Promise<string | null> {
    await this.page.reload();
    const row = this.page.locator(`[data-testid="staff-row"][data-email="${email}"]`);
    await row.waitFor();
    return row.getAttribute('data-status');
  }
}

/** Someone opening their set-password link, then signing in. */
export class SetPasswordPages {
  constructor(readonly page: Page) {}

  async setPasswordAndSignIn(link: string, password: string): Promise<void> {
    await this.page.goto(link);
    await byId(this.page, 'set-password').fill(password);
    await byId(this.page, 'set-password-confirm').fill(password);
    await byId(this.page, 'set-password-submit').click();
    await byId(this.page, 'password-set-notice').waitFor();
    await byId(this.page, 'login-password').fill(password);
    await byId(this.page, 'login-submit').click();
  }
}

/** A visit of the demo doctor for a new patient, `hoursAhead` from now, created through the API as the doctor. */
export async function scheduleVisit(doctor: Page, baseUrl: string, lastName: string, hoursAhead: number): Promise<{ link: string; visitId: string }> {
  const scheduledAt = new Date(Date.now() + hoursAhead * 3600_000).toISOString();
  const res = await doctor.context().request.post(`${baseUrl}/api/visits`, {
    data: { patient: { firstName: 'Lucie', lastName, birthDate: '1951-03-02', phone: '0611223344' }, scheduledAt },
  });
  if (res.status() !== 201) throw new Error(`visit not created: ${res.status()} ${await res.text()}`);
  const body = (await res.json()) as { joinUrl: string; visit: { id: string } };
  return { link: body.joinUrl, visitId: body.visit.id };
}

