import type { Browser } from 'playwright-core';
import { launchChromium, newParticipant, screenshot, waitForMedia, waitForMediaSince } from '../support/browser';
import { useStackAndBrowser } from '../support/fixtures';
import { DoctorPages, PatientPages, scheduleVisit } from '../support/pages';

describe('the pre-call check through the real media path', () => {
  const e2e = useStackAndBrowser();
  // A second Chromium whose permission prompts are refused unless granted (the patient taps "Block").
  let refusing: Browser;
  beforeAll(async () => {
    refusing = await launchChromium({ promptsAccepted: false });
  });
  afterAll(() => refusing?.close());

  it('a patient who runs the check a day early appears as ready in the doctor’s list for that day', async () => {
    const doctorSide = await newParticipant(e2e.browser, 'doctor');
    const patientSide = await newParticipant(e2e.browser, 'patient-early');
    const doctor = new DoctorPages(doctorSide.page, e2e.stack.baseUrl);
    const lastName = `Veille-${Date.now()}`;
    try {
      await doctor.login();
      const { link, visitId } = await scheduleVisit(doctorSide.page, e2e.stack.baseUrl, lastName, 24);
      const p = patientSide.page;
      await new PatientPages(p).openLink(link);
      await p.getByTestId('early-check').waitFor();
      expect(await p.getByTestId('device-check-start').textContent()).toBe('Tester mon équipement maintenant');
      await p.getByTestId('device-check-start').click();

      // The network test runs by itself through the SFU (a check room) and gives its verdict with figures.
      // Media went through the SFU and back; on this shared, loaded machine the bitrate may be judged too low for video.
      const verdict = p.locator('[data-testid="network-verdict"][data-verdict="good"], [data-testid="network-verdict"][data-verdict="audio-only"]');
      await verdict.waitFor({ timeout: 45_000 });
      const verdictText = (await verdict.textContent()) ?? '';
      expect(verdictText).toMatch(/Bonne connexion : votre consultation se fera en vidéo\.|La vidéo risque de se figer avec cette connexion : nous commencerons en audio\./);
      const expectedState = verdictText.startsWith('Bonne') ? 'ready' : 'doubtful';
      const figures = (await p.getByTestId('network-figures').textContent()) ?? '';
      expect(figures).toMatch(/^Aller-retour \d+ ms · reçu \d+ kbit\/s · pertes [\d.]+ %$/);
      const kbps = Number(/reçu (\d+) kbit/.exec(figures)![1]);
      expect(kbps).toBeGreaterThan(20);
      // Speaker test: plays, and the patient says they heard it.
      await p.getByTestId('play-test-sound').click();
      await p.getByTestId('speaker-heard').click();
      expect(await p.getByText('Le son fonctionne.').count()).toBe(1);
      await screenshot(p, 'pre-call-check-good');
      process.stdout.write(`pre-call check: ${figures}\n`);

      // The doctor's list for tomorrow shows the patient as ready (green), with the figures.
      const d = doctorSide.page;
      await d.getByTestId('nav-readiness').click();
      await d.getByTestId('readiness-page').waitFor();
      const row = d.locator(`[data-testid="readiness-row"][data-visit-id="${visitId}"]`);
      await row.waitFor({ timeout: 10_000 });
      await d.waitForFunction(([id, state]) => document.querySelector(`[data-testid="readiness-row"][data-visit-id="${id}"]`)?.getAttribute('data-state') === state, [visitId, expectedState], { timeout: 10_000 });
      expect(await row.getByTestId('readiness-chip').textContent()).toBe(expectedState === 'ready' ? 'Prêt' : 'Douteux');
      if (expectedState === 'doubtful') expect(await row.textContent()).toContain('Connexion faible : la vidéo risque de se figer');
      expect(await row.textContent()).toMatch(/testé .* — \d+ ms · \d+ kbit\/s · [\d.]+ % de pertes/);
      expect(await row.textContent()).toContain(lastName.toUpperCase());
      await screenshot(d, 'readiness-tomorrow');

      // Back on the link later: the last test is shown.
      await p.reload();
      await p.locator(`[data-testid="last-check"][data-outcome="${expectedState}"]`).waitFor();
    } finally {
      await doctorSide.context.close();
      await patientSide.context.close();
    }
  });

  it('camera refused: the steps for this browser and the practice’s phone, audio still works; allowed again: video, then a two-way visit', async () => {
    const doctorSide = await newParticipant(e2e.browser, 'doctor');
    const patientSide = await newParticipant(refusing, 'patient-refuses');
    const doctor = new DoctorPages(doctorSide.page, e2e.stack.baseUrl);
    const lastName = `Refus-${Date.now()}`;
    try {
      await doctor.login();
      const { link, visitId } = await scheduleVisit(doctorSide.page, e2e.stack.baseUrl, lastName, 0.1);
      const p = patientSide.page;
      const origin = new URL(link).origin;
      await patientSide.context.grantPermissions(['microphone'], { origin });
      await new PatientPages(p).openLink(link);
      await p.getByTestId('device-check-start').click();

      const issue = p.getByTestId('camera-issue');
      await issue.waitFor({ timeout: 15_000 });
      expect(await issue.locator('.notice-title').first().textContent()).toBe('L’accès à la caméra a été refusé');
      // Chromium's own steps (from its user agent).
      expect(await p.getByTestId('permission-help').getAttribute('data-browser')).toBe('chrome');
      expect(await p.getByTestId('permission-help').textContent()).toContain('Réglez Caméra et Micro sur « Autoriser »');
      // Audio only still goes through the SFU and back: the verdict is about audio.
      await p.locator('[data-testid="network-verdict"]:is([data-verdict="good"], [data-verdict="audio-only"])').waitFor({ timeout: 45_000 });
      expect(await p.getByTestId('check-result').getAttribute('data-outcome')).toBe('doubtful');
      expect(await p.getByTestId('check-result').textContent()).toContain('Caméra refusée (audio seul)');
      await screenshot(p, 'pre-call-check-camera-refused');

      // The patient allows the camera in the site settings; "ask again" really asks again (a new getUserMedia).
      await patientSide.context.grantPermissions(['camera', 'microphone'], { origin });
      await p.getByTestId('retry-camera').click();
      await issue.waitFor({ state: 'detached', timeout: 15_000 });
      await p.waitForFunction(() => {
        const v = document.querySelector('[data-testid="device-preview"]') as HTMLVideoElement | null;
        return !!v && (v.srcObject as MediaStream | null)?.getVideoTracks().some((t) => t.readyState === 'live') === true && v.videoWidth > 0;
      });
      await p.locator('[data-testid="network-verdict"]:is([data-verdict="good"], [data-verdict="audio-only"])').waitFor({ timeout: 45_000 });

      const patientPages = new PatientPages(p);
      await patientPages.acceptConsents();
      await patientPages.enterWaitingRoom();
      await doctor.admitWhenWaiting(visitId);
      await p.getByTestId('consultation-room').waitFor({ timeout: 20_000 });
      const atPatient = await waitForMedia(p, (m) => m.framesDecoded >= 20 && m.audioPacketsReceived > 20);
      const atDoctor = await waitForMediaSince(doctorSide.page, 0, (m) => m.framesDecoded >= 20 && m.audioPacketsReceived > 20 && m.audioBytesReceived > 0);
      process.stdout.write(`camera refused then allowed: at patient ${JSON.stringify(atPatient)}, at doctor ${JSON.stringify(atDoctor)}\n`);
      await doctor.hangUp();
    } finally {
      await doctorSide.context.close();
      await patientSide.context.close();
    }
  });

  it('microphone and camera refused: both are named, with the steps, the practice’s phone and a retry that asks again', async () => {
    const doctorSide = await newParticipant(e2e.browser, 'doctor');
    const patientSide = await newParticipant(refusing, 'patient-refuses-both');
    const doctor = new DoctorPages(doctorSide.page, e2e.stack.baseUrl);
    try {
      await doctor.login();
      const { link } = await scheduleVisit(doctorSide.page, e2e.stack.baseUrl, `DeuxRefus-${Date.now()}`, 0.1);
      const p = patientSide.page;
      const origin = new URL(link).origin;
      await new PatientPages(p).openLink(link);
      await p.getByTestId('device-check-start').click();
      const error = p.getByTestId('media-error');
      await error.waitFor({ timeout: 15_000 });
      expect(await error.locator('.notice-title').first().textContent()).toBe('L’accès à la caméra et au micro a été refusé');
      expect(await p.getByTestId('practice-help').textContent()).toBe('Besoin d’aide ? Appelez Cabinet du Dr Martin : +33142000000');
      expect(await p.getByTestId('practice-help').locator('a').getAttribute('href')).toBe('tel:+33142000000');
      expect(await p.getByTestId('device-check-start').textContent()).toBe('Redemander l’autorisation');

      await patientSide.context.grantPermissions(['camera', 'microphone'], { origin });
      await p.getByTestId('device-check-start').click();
      await p.getByTestId('pre-call-check').waitFor({ timeout: 15_000 });
      expect(await p.getByTestId('camera-issue').count()).toBe(0);
    } finally {
      await doctorSide.context.close();
      await patientSide.context.close();
    }
  });
});
