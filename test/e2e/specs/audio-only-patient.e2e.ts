import { t } from '@visite/i18n';
import { newParticipant, newParticipantWithoutCamera, receivedMediaSince, screenshot, waitForMedia, waitForMediaSince } from '../support/browser';
import { DoctorPages, PatientPages } from '../support/pages';
import { storedVisit } from '../support/stack-env';
import { useStackAndBrowser } from '../support/fixtures';

// "Never block a patient without a camera: audio-only must work." The patient's browser has a
// microphone but no camera (getUserMedia with video rejects with NotFoundError, no videoinput).
describe('a patient without a camera', () => {
  const e2e = useStackAndBrowser();

  it('is told the visit will be audio only, and completes it: doctor hears the patient, patient sees and hears the doctor', async () => {
    const doctorSide = await newParticipant(e2e.browser, 'doctor');
    const patientSide = await newParticipantWithoutCamera(e2e.browser, 'patient-no-camera');
    const doctor = new DoctorPages(doctorSide.page, e2e.stack.baseUrl);
    const patient = new PatientPages(patientSide.page);
    const lastName = `SansCamera-${Date.now()}`;
    try {
      await doctor.login();
      const { link, visitId } = await doctor.createVisit({ firstName: 'Marie', lastName, birthDate: '1944-07-14', phone: '0611223344' });

      // The simulation really is in place in the patient's page.
      await patient.openLink(link);
      const devices = await patientSide.page.evaluate(async () => (await navigator.mediaDevices.enumerateDevices()).map((d) => d.kind));
      expect(devices).not.toContain('videoinput');
      expect(devices).toContain('audioinput');
      const videoRequest = await patientSide.page.evaluate(() =>
        navigator.mediaDevices.getUserMedia({ audio: true, video: true }).then(
          (s) => (s.getTracks().forEach((t) => t.stop()), 'granted'),
          (e: DOMException) => e.name,
        ),
      );
      expect(videoRequest).toBe('NotFoundError');

      // Device check: the audio-only notice, with the no-camera explanation, instead of a blocking error.
      await patient.checkDevices();
      const p = patientSide.page;
      const notice = p.locator('.device-check .notice-warning');
      await notice.waitFor({ timeout: 10_000 });
      expect(await notice.locator('.notice-title').textContent()).toBe('Son uniquement');
      expect(await notice.textContent()).toContain('Aucune caméra n’a été trouvée. Vous pouvez tout de même parler au médecin, en audio uniquement.');
      await expect(p.locator('.preview-placeholder').textContent()).resolves.toContain('Son uniquement');
      // The preview holds a live microphone track and no video track; no error alert is shown.
      const preview = await p.getByTestId('device-preview').evaluate((v: HTMLVideoElement) => {
        const s = v.srcObject as MediaStream | null;
        return { audio: s?.getAudioTracks().filter((t) => t.readyState === 'live').length ?? 0, video: s?.getVideoTracks().length ?? -1 };
      });
      expect(preview).toEqual({ audio: 1, video: 0 });
      expect(await p.getByRole('alert').count()).toBe(0);
      await screenshot(p, 'audio-only-device-check');

      // Consent: the audio-only wording of the practice's text; nothing asks to agree to video.
      await patient.acceptConsents();
      expect(await p.getByTestId('consent-step').getAttribute('data-wording')).toBe('audio');
      const teleText = (await p.getByTestId('consent-text-teleconsultation').textContent()) ?? '';
      expect(teleText).toContain(t('fr', 'consent:teleconsultation.audioBody').split('\n')[0]);
      expect(teleText).not.toMatch(/vidéo/i);
      await screenshot(p, 'audio-only-consent');

      await patient.enterWaitingRoom();
      await doctor.admitWhenWaiting(visitId);
      await p.getByTestId('consultation-room').waitFor({ timeout: 20_000 });

      // Patient side: sees and hears the doctor; its own camera button says there is no camera.
      const atPatient = await waitForMedia(p, (m) => m.framesDecoded >= 30 && m.audioPacketsReceived > 0);
      const toggle = p.getByTestId('toggle-camera');
      expect(await toggle.getAttribute('data-enabled')).toBe('false');
      expect(await toggle.isDisabled()).toBe(true);
      expect(await toggle.textContent()).toContain('Pas de caméra');
      await expect(p.locator('.pip-placeholder').textContent()).resolves.toBe('Audio uniquement');

      // Doctor side: hears the patient; gets no video from them and says so.
      const d = doctorSide.page;
      const atDoctor = await waitForMediaSince(d, 0, (m) => m.audioPacketsReceived > 50 && m.audioBytesReceived > 0);
      await d.getByTestId('connection-status').and(d.locator('[data-state="connected"]')).waitFor({ timeout: 20_000 });
      await d.locator('.stage-placeholder', { hasText: 'Audio uniquement' }).waitFor({ timeout: 10_000 });
      expect(await d.locator('.stage-placeholder').textContent()).toMatch(/Marie.* — Audio uniquement$/);
      const remoteTracks = await d.getByTestId('remote-video').evaluate((v: HTMLVideoElement) => {
        const s = v.srcObject as MediaStream | null;
        return { audio: s?.getAudioTracks().length ?? 0, video: s?.getVideoTracks().length ?? 0 };
      });
      expect(remoteTracks).toEqual({ audio: 1, video: 0 });
      // Let media flow a while longer, then check that no patient video was ever decoded at the doctor.
      await d.waitForTimeout(3000);
      const doctorLater = await receivedMediaSince(d, 0);
      process.stdout.write(
        `audio-only: received at doctor ${JSON.stringify(atDoctor)} then ${JSON.stringify(doctorLater)}, at patient ${JSON.stringify(atPatient)}\n`,
      );
      expect(doctorLater.framesDecoded).toBe(0);
      expect(doctorLater.videoPacketsReceived).toBe(0);
      expect(doctorLater.audioPacketsReceived).toBeGreaterThan(atDoctor.audioPacketsReceived);
      await screenshot(d, 'audio-only-doctor-room');
      await screenshot(p, 'audio-only-patient-room');

      await doctor.hangUp();
      await p.getByTestId('visit-ended').waitFor({ timeout: 15_000 });

      const stored = await storedVisit(e2e.stack, visitId);
      expect(stored.status).toBe('completed');
      expect(stored.ended_by).toBe('doctor');
      expect(stored.ended_at).toBeInstanceOf(Date);
      expect(stored.ended_at!.getTime()).toBeGreaterThan(stored.started_at!.getTime());
    } catch (error) {
      await screenshot(doctorSide.page, 'failure-audio-only-doctor');
      await screenshot(patientSide.page, 'failure-audio-only-patient');
      throw error;
    } finally {
      await doctorSide.context.close();
      await patientSide.context.close();
    }
  });
});
