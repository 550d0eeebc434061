import type { BrowserContext, Page } from 'playwright-core';
import {
  captureWebSockets,
  dropNetwork,
  inboundStreams,
  newParticipant,
  peerConnectionCount,
  restoreNetwork,
  screenshot,
  silenceableWebSockets,
  waitForFreshMedia,
  waitForMedia,
  waitForMediaSince,
} from '../support/browser';
import { DoctorPages, PatientPages } from '../support/pages';
import { type E2eStack, storedVisit } from '../support/stack-env';
import { useStackAndBrowser } from '../support/fixtures';

/** Records every value the room's connection-status data-state takes, to check what the person saw. */
const RECORD_CONNECTION_STATES = `(() => {
  window.__visiteConnectionStates = [];
  const record = () => {
    const el = document.querySelector('[data-testid="connection-status"]');
    const state = el ? el.getAttribute('data-state') : null;
    const seen = window.__visiteConnectionStates;
    if (state && seen[seen.length - 1] !== state) seen.push(state);
  };
  new MutationObserver(record).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
})();`;

const connectionStates = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __visiteConnectionStates?: string[] }).__visiteConnectionStates ?? []);

const statusIs = (page: Page, state: string, timeout: number) =>
  page.locator(`[data-testid="connection-status"][data-state="${state}"]`).waitFor({ timeout });

interface Consultation {
  doctorSide: { context: BrowserContext; page: Page };
  patientSide: { context: BrowserContext; page: Page };
  doctor: DoctorPages;
  visitId: string;
}

async function visitStatus(stack: E2eStack, visitId: string): Promise<{ status: string; ended_by: string | null }> {
  const { status, ended_by } = await storedVisit(stack, visitId);
  return { status, ended_by };
}

describe('a consultation survives connection trouble without anyone clicking', () => {
  const e2e = useStackAndBrowser();

  /** Link → device check → waiting room → admitted, then both decode each other's video. */
  async function startConsultation(lastNamePrefix: string, beforePatientOpens?: (context: BrowserContext) => Promise<void>): Promise<Consultation> {
    const doctorSide = await newParticipant(e2e.browser, 'doctor');
    const patientSide = await newParticipant(e2e.browser, 'patient');
    await beforePatientOpens?.(patientSide.context);
    for (const side of [doctorSide, patientSide]) {
      await captureWebSockets(side.context);
      await side.context.addInitScript(RECORD_CONNECTION_STATES);
    }
    const doctor = new DoctorPages(doctorSide.page, e2e.stack.baseUrl);
    const patient = new PatientPages(patientSide.page);
    const lastName = `${lastNamePrefix}-${Date.now()}`;
    await doctor.login();
    const { link, visitId } = await doctor.createVisit({ firstName: 'Paul', lastName, birthDate: '1948-11-20', phone: '0698765432' });
    await patient.openLink(link);
    await patient.checkDevicesAndConsent();
    await patient.enterWaitingRoom();
    await doctor.admitWhenWaiting(visitId);
    await patientSide.page.getByTestId('consultation-room').waitFor({ timeout: 20_000 });
    await waitForMedia(doctorSide.page, (m) => m.framesDecoded >= 30 && m.audioPacketsReceived > 0);
    await waitForMedia(patientSide.page, (m) => m.framesDecoded >= 30 && m.audioPacketsReceived > 0);
    return { doctorSide, patientSide, doctor, visitId };
  }

  async function endAndCheck(c: Consultation): Promise<void> {
    await c.doctor.hangUp();
    await c.patientSide.page.getByTestId('visit-ended').waitFor({ timeout: 15_000 });
    expect(await visitStatus(e2e.stack, c.visitId)).toEqual({ status: 'completed', ended_by: 'doctor' });
  }

  it("the patient's network drops and comes back: the room reconnects by itself and media flows both ways again", async () => {
    const c = await startConsultation('Coupure');
    const { doctorSide, patientSide } = c;
    const p = patientSide.page;
    const d = doctorSide.page;
    try {
      await statusIs(p, 'connected', 5_000);
      const patientPcsBefore = await peerConnectionCount(p);
      const doctorSsrcsBefore = new Set((await inboundStreams(d)).map((s) => s.ssrc));
      expect(doctorSsrcsBefore.size).toBeGreaterThanOrEqual(2);

      // Network lost: offline, and the open sockets (SFU signaling, realtime channel) drop.
      const closed = await dropNetwork(patientSide.context, p);
      process.stdout.write(`reconnection: sockets dropped ${JSON.stringify(closed)}\n`);
      expect(closed.length).toBeGreaterThanOrEqual(1);
      await statusIs(p, 'reconnecting', 15_000);
      expect(await p.getByTestId('connection-status').textContent()).toContain('Reconnexion');
      // Stay offline across at least one failed attempt (backoff 1 s, 2 s, ...): it must keep trying, not give up.
      await p.waitForTimeout(6_000);
      expect(await p.getByTestId('connection-status').getAttribute('data-state')).toBe('reconnecting');
      // The doctor, still online, sees the patient gone, while their own room stays connected.
      await d.getByText(/En attente de la connexion de .*…/).waitFor({ timeout: 20_000 });
      expect(await d.getByTestId('connection-status').getAttribute('data-state')).toBe('connected');
      await screenshot(p, 'reconnection-patient-offline');
      await screenshot(d, 'reconnection-doctor-while-patient-offline');

      await restoreNetwork(patientSide.context);
      await statusIs(p, 'connected', 45_000);

      // Patient: NEW peer connections decode the doctor's video and receive the doctor's audio.
      const atPatient = await waitForMediaSince(p, patientPcsBefore, (m) => m.connections >= 2 && m.framesDecoded >= 30 && m.audioPacketsReceived > 0);
      // Doctor: NEW consumers (new SSRCs) of the patient's video and audio.
      const atDoctor = await waitForFreshMedia(d, doctorSsrcsBefore, (m) => m.framesDecoded >= 30 && m.audioPacketsReceived > 0);
      const patientStates = await connectionStates(p);
      const doctorStates = await connectionStates(d);
      process.stdout.write(
        `reconnection: after restore, at patient ${JSON.stringify(atPatient)}; at doctor ${JSON.stringify({ ...atDoctor, streams: atDoctor.streams.length })}; ` +
          `patient states ${JSON.stringify(patientStates)}, doctor states ${JSON.stringify(doctorStates)}\n`,
      );
      expect(atPatient.audioBytesReceived).toBeGreaterThan(0);
      expect(atDoctor.audioBytesReceived).toBeGreaterThan(0);
      expect(patientStates).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
      expect(doctorStates).not.toContain('failed');
      // Nobody had to press "Try again".
      expect(await p.getByRole('button', { name: 'Réessayer' }).count()).toBe(0);
      expect(await visitStatus(e2e.stack, c.visitId)).toEqual({ status: 'in_progress', ended_by: null });
      await screenshot(p, 'reconnection-patient-back');
      await screenshot(d, 'reconnection-doctor-back');

      await endAndCheck(c);
    } catch (error) {
      await screenshot(d, 'failure-reconnection-doctor');
      await screenshot(p, 'failure-reconnection-patient');
      throw error;
    } finally {
      await restoreNetwork(patientSide.context).catch(() => undefined);
      await doctorSide.context.close();
      await patientSide.context.close();
    }
  });

  it("the patient's connection goes silent (nothing closed, as when a phone changes network): the room notices, reconnects and media flows again", async () => {
    let sockets: Awaited<ReturnType<typeof silenceableWebSockets>> | null = null;
    const c = await startConsultation('Silence', async (context) => {
      sockets = await silenceableWebSockets(context);
    });
    const { doctorSide, patientSide } = c;
    const p = patientSide.page;
    const d = doctorSide.page;
    try {
      expect(sockets!.routed()).toBeGreaterThanOrEqual(2);
      await statusIs(p, 'connected', 5_000);
      const patientPcsBefore = await peerConnectionCount(p);
      const doctorSsrcsBefore = new Set((await inboundStreams(d)).map((s) => s.ssrc));

      // Signaling goes silent both ways and HTTP fails. (WebRTC media cannot be cut from here: see report.)
      sockets!.setSilent(true);
      await patientSide.context.setOffline(true);
      const silentAt = Date.now();
      // socket.io's heartbeat (25 s interval + 20 s timeout by default) is what can notice this.
      await statusIs(p, 'reconnecting', 90_000);
      const noticedAfterMs = Date.now() - silentAt;
      sockets!.setSilent(false);
      await p.waitForTimeout(2_000);
      await restoreNetwork(patientSide.context);
      await statusIs(p, 'connected', 45_000);

      const atPatient = await waitForMediaSince(p, patientPcsBefore, (m) => m.connections >= 2 && m.framesDecoded >= 30 && m.audioPacketsReceived > 0);
      const atDoctor = await waitForFreshMedia(d, doctorSsrcsBefore, (m) => m.framesDecoded >= 30 && m.audioPacketsReceived > 0);
      const patientStates = await connectionStates(p);
      process.stdout.write(
        `silent drop: noticed after ${noticedAfterMs} ms; at patient ${JSON.stringify(atPatient)}; at doctor ${JSON.stringify({ ...atDoctor, streams: atDoctor.streams.length })}; ` +
          `patient states ${JSON.stringify(patientStates)}, doctor states ${JSON.stringify(await connectionStates(d))}\n`,
      );
      expect(patientStates).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
      expect(await connectionStates(d)).toEqual(['connecting', 'connected']);
      // Neither side is shown "you joined from another tab" (the SFU may replace the patient's stale peer).
      expect(await p.getByText('Vous avez rejoint cette consultation depuis un autre onglet').count()).toBe(0);
      expect(await d.getByText('Vous avez rejoint cette consultation depuis un autre onglet').count()).toBe(0);
      await endAndCheck(c);
    } catch (error) {
      await screenshot(d, 'failure-silent-doctor');
      await screenshot(p, 'failure-silent-patient');
      throw error;
    } finally {
      await restoreNetwork(patientSide.context).catch(() => undefined);
      await doctorSide.context.close();
      await patientSide.context.close();
    }
  }, 180_000);

  it('the doctor reloads the room page: they rejoin and media flows both ways again', async () => {
    const c = await startConsultation('Rechargement');
    const { doctorSide, patientSide } = c;
    const p = patientSide.page;
    const d = doctorSide.page;
    try {
      const patientSsrcsBefore = new Set((await inboundStreams(p)).map((s) => s.ssrc));
      expect(patientSsrcsBefore.size).toBeGreaterThanOrEqual(2);
      const roomUrl = d.url();

      await d.reload();
      expect(d.url()).toBe(roomUrl);
      await d.getByTestId('consultation-room').waitFor({ timeout: 20_000 });
      await statusIs(d, 'connected', 30_000);

      // The reloaded page (fresh peer connections) decodes the patient again.
      const atDoctor = await waitForMedia(d, (m) => m.framesDecoded >= 30 && m.audioPacketsReceived > 0);
      // The patient gets the doctor's new producers through new consumers.
      const atPatient = await waitForFreshMedia(p, patientSsrcsBefore, (m) => m.framesDecoded >= 30 && m.audioPacketsReceived > 0);
      const patientStates = await connectionStates(p);
      process.stdout.write(
        `doctor reload: at doctor ${JSON.stringify(atDoctor)}; at patient ${JSON.stringify({ ...atPatient, streams: atPatient.streams.length })}; ` +
          `patient states ${JSON.stringify(patientStates)}, doctor states after reload ${JSON.stringify(await connectionStates(d))}\n`,
      );
      expect(atDoctor.audioBytesReceived).toBeGreaterThan(0);
      expect(atPatient.audioBytesReceived).toBeGreaterThan(0);
      // The patient's own connection never dropped, and the visit is still going on.
      expect(patientStates).toEqual(['connecting', 'connected']);
      await statusIs(p, 'connected', 1_000);
      await p.locator('.stage-placeholder').waitFor({ state: 'detached', timeout: 10_000 });
      expect(await visitStatus(e2e.stack, c.visitId)).toEqual({ status: 'in_progress', ended_by: null });
      await screenshot(d, 'reload-doctor-back');
      await screenshot(p, 'reload-patient');

      await endAndCheck(c);
    } catch (error) {
      await screenshot(d, 'failure-reload-doctor');
      await screenshot(p, 'failure-reload-patient');
      throw error;
    } finally {
      await doctorSide.context.close();
      await patientSide.context.close();
    }
  });
});
