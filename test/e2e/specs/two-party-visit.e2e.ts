import { newParticipant, screenshot, srtpCiphers, waitForMedia } from '../support/browser';
import { DoctorPages, PatientPages } from '../support/pages';
import { storedVisit } from '../support/stack-env';
import { useStackAndBrowser } from '../support/fixtures';

// One doctor and one patient, two browser contexts, real WebRTC through the SFU.
describe('a video visit between a doctor and a patient', () => {
  const e2e = useStackAndBrowser();

  it('goes from the link to a completed consultation with two-way audio and video', async () => {
    const doctorSide = await newParticipant(e2e.browser, 'doctor');
    const patientSide = await newParticipant(e2e.browser, 'patient');
    const doctor = new DoctorPages(doctorSide.page, e2e.stack.baseUrl);
    const patient = new PatientPages(patientSide.page);
    const lastName = `Dupont-${Date.now()}`;
    try {
      await doctor.login();
      const { link, visitId } = await doctor.createVisit({ firstName: 'Jean', lastName, birthDate: '1950-03-02', phone: '0612345678' });
      expect(link).toMatch(/\/join\/[A-Za-z0-9_-]{40,}$/);

      await patient.openLink(link);
      await patient.checkDevicesAndConsent();
      await patient.enterWaitingRoom();
      await expect(patientSide.page.getByTestId('waiting-position').textContent()).resolves.toBeTruthy();
      await screenshot(patientSide.page, 'patient-waiting-room');

      // The doctor sees the patient waiting, live, and admits them.
      await doctor.admitWhenWaiting(visitId);
      await patientSide.page.getByTestId('consultation-room').waitFor({ timeout: 20_000 });

      // Each side decodes the other's video and receives its audio.
      const atDoctor = await waitForMedia(doctorSide.page, (m) => m.framesDecoded >= 30 && m.audioPacketsReceived > 0);
      const atPatient = await waitForMedia(patientSide.page, (m) => m.framesDecoded >= 30 && m.audioPacketsReceived > 0);
      process.stdout.write(`received at doctor ${JSON.stringify(atDoctor)}, at patient ${JSON.stringify(atPatient)}\n`);
      expect(atDoctor.audioBytesReceived).toBeGreaterThan(0);
      expect(atPatient.audioBytesReceived).toBeGreaterThan(0);
      // Chromium and the worker's libsrtp (OpenSSL backend) agree on the AEAD-GCM suite, both ways.
      for (const side of [doctorSide, patientSide]) {
        const ciphers = await srtpCiphers(side.page);
        expect(ciphers.length).toBeGreaterThanOrEqual(2);
        expect(new Set(ciphers)).toEqual(new Set(['SRTP_AEAD_AES_256_GCM']));
      }
      await screenshot(doctorSide.page, 'doctor-room');
      await screenshot(patientSide.page, 'patient-room');

      await doctor.hangUp();
      await patientSide.page.getByTestId('visit-ended').waitFor({ timeout: 15_000 });

      const stored = await storedVisit(e2e.stack, visitId);
      expect(stored.status).toBe('completed');
      expect(stored.ended_by).toBe('doctor');
      expect(stored.started_at).toBeInstanceOf(Date);
      expect(stored.ended_at).toBeInstanceOf(Date);
      expect(stored.ended_at!.getTime()).toBeGreaterThan(stored.started_at!.getTime());
    } catch (error) {
      await screenshot(doctorSide.page, 'failure-doctor');
      await screenshot(patientSide.page, 'failure-patient');
      throw error;
    } finally {
      await doctorSide.context.close();
      await patientSide.context.close();
    }
  });

  it('tells a patient whose link is wrong what to do', async () => {
    const { context, page } = await newParticipant(e2e.browser, 'patient');
    try {
      await page.goto(`${e2e.stack.baseUrl}/join/${'x'.repeat(43)}`);
      const error = page.getByTestId('join-error');
      await error.waitFor();
      expect(await error.textContent()).toMatch(/Ce lien n’est pas valable/);
    } finally {
      await context.close();
    }
  });
});
