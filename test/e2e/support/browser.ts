import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ARTIFACTS } from './stack-env';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium with a fake camera (test pattern) and microphone (beep), permission prompts accepted. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      '--disable-background-networking',
      '--disable-component-update',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

/**
 * Records every RTCPeerConnection the page creates, so the spec can read getStats() of the real
 * connections (mediasoup-client creates one per transport).
 */
const CAPTURE_PEER_CONNECTIONS = `(() => {
  const Original = window.RTCPeerConnection;
  const created = [];
  class Recorded extends Original {
    constructor(...args) { super(...args); created.push(this); }
  }
  window.RTCPeerConnection = Recorded;
  window.__visitePeerConnections = created;
})();`;

export async function newParticipant(browser: Browser, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1200, height: 800 } });
  await context.addInitScript(CAPTURE_PEER_CONNECTIONS);
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') process.stderr.write(`[${name} console] ${msg.text()}\n`);
  });
  return { context, page };
}

export interface ReceivedMedia {
  framesDecoded: number;
  audioPacketsReceived: number;
  audioBytesReceived: number;
}

/**
 * What this page receives from the other side, read from its peer connections' getStats(). The
 * largest video inbound-rtp entry is used: mediasoup-client's receive-only "probator" stream
 * (SSRC 1234) never decodes frames.
 */
export function receivedMedia(page: Page): Promise<ReceivedMedia> {
  return page.evaluate(async () => {
    const pcs = (window as unknown as { __visitePeerConnections: RTCPeerConnection[] }).__visitePeerConnections ?? [];
    let framesDecoded = 0;
    let audioPacketsReceived = 0;
    let audioBytesReceived = 0;
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      const report = await pc.getStats();
      report.forEach((s: Record<string, unknown>) => {
        if (s.type !== 'inbound-rtp') return;
        if (s.kind === 'video' && s.ssrc !== 1234) framesDecoded = Math.max(framesDecoded, Number(s.framesDecoded ?? 0));
        if (s.kind === 'audio') {
          audioPacketsReceived = Math.max(audioPacketsReceived, Number(s.packetsReceived ?? 0));
          audioBytesReceived = Math.max(audioBytesReceived, Number(s.bytesReceived ?? 0));
        }
      });
    }
    return { framesDecoded, audioPacketsReceived, audioBytesReceived };
  });
}

/** Polls until `done` holds for the page's received media, or fails with the last figures. */
export async function waitForMedia(page: Page, done: (m: ReceivedMedia) => boolean, timeoutMs = 45_000): Promise<ReceivedMedia> {
  const deadline = Date.now() + timeoutMs;
  let last = await receivedMedia(page);
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`media not received in time: ${JSON.stringify(last)}`);
    await page.waitForTimeout(500);
    last = await receivedMedia(page);
  }
  return last;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(join(ARTIFACTS, 'screenshots'), { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'screenshots', `${name}.png`) }).catch(() => undefined);
}
