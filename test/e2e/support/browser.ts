import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ARTIFACTS } from './stack-env';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Chromium with a fake camera (test pattern) and microphone (beep), permission prompts accepted.
 * `promptsAccepted: false`: prompts are refused unless the context granted the permission
 * (`context.grantPermissions`), as when a patient taps "Block".
 */
export function launchChromium({ promptsAccepted = true }: { promptsAccepted?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      ...(promptsAccepted ? ['--use-fake-ui-for-media-stream'] : []),
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

/**
 * A browser window of one participant. The locale is explicit (French by default, as the practices'
 * patients and staff): it is the browser language Visite starts in, so the texts the specs read are French.
 */
export async function newParticipant(browser: Browser, name: string, { locale = 'fr-FR' }: { locale?: string } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, timezoneId: 'Europe/Paris', viewport: { width: 1200, height: 800 } });
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

/**
 * The SRTP cipher of each connected transport of the page (getStats `transport.srtpCipher`): what the
 * browser and the SFU's worker negotiated over DTLS-SRTP.
 */
export function srtpCiphers(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const pcs = (window as unknown as { __visitePeerConnections: RTCPeerConnection[] }).__visitePeerConnections ?? [];
    const ciphers: string[] = [];
    for (const pc of pcs) {
      if (pc.connectionState !== 'connected') continue;
      const report = await pc.getStats();
      report.forEach((s: Record<string, unknown>) => {
        if (s.type === 'transport' && s.dtlsState === 'connected') ciphers.push(String(s.srtpCipher));
      });
    }
    return ciphers;
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

/**
 * Init script simulating a device without a camera: any getUserMedia request asking for video is
 * rejected with a NotFoundError DOMException (as Chromium does when no camera is plugged in), and
 * enumerateDevices lists no videoinput. Audio requests go to the real (fake-device) microphone.
 */
const NO_CAMERA = `(() => {
  const md = navigator.mediaDevices;
  if (!md) return;
  const originalGum = md.getUserMedia.bind(md);
  const originalEnum = md.enumerateDevices.bind(md);
  window.__visiteVideoRequests = 0;
  md.getUserMedia = (constraints) => {
    if (constraints && constraints.video) {
      window.__visiteVideoRequests += 1;
      return Promise.reject(new DOMException('Requested device not found', 'NotFoundError'));
    }
    return originalGum(constraints);
  };
  md.enumerateDevices = async () => (await originalEnum()).filter((d) => d.kind !== 'videoinput');
})();`;

/** A participant whose device has no camera (see NO_CAMERA), microphone working. */
export async function newParticipantWithoutCamera(browser: Browser, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const participant = await newParticipant(browser, name);
  await participant.context.addInitScript(NO_CAMERA);
  return participant;
}

export interface ReceivedMediaDetail extends ReceivedMedia {
  /** Video packets received on real (non-probator) video streams. */
  videoPacketsReceived: number;
  /** Peer connections counted (not closed, index >= fromIndex). */
  connections: number;
  /** States of every captured peer connection, oldest first. */
  connectionStates: string[];
}

/** How many RTCPeerConnections the page has created so far (closed ones included). */
export function peerConnectionCount(page: Page): Promise<number> {
  return page.evaluate(() => ((window as unknown as { __visitePeerConnections?: RTCPeerConnection[] }).__visitePeerConnections ?? []).length);
}

/**
 * Like receivedMedia, but only counts peer connections created at index `fromIndex` or later, so
 * a spec can measure media on connections made after some event (a reconnection) only.
 */
export function receivedMediaSince(page: Page, fromIndex = 0): Promise<ReceivedMediaDetail> {
  return page.evaluate(async (from) => {
    const pcs = (window as unknown as { __visitePeerConnections: RTCPeerConnection[] }).__visitePeerConnections ?? [];
    let framesDecoded = 0;
    let videoPacketsReceived = 0;
    let audioPacketsReceived = 0;
    let audioBytesReceived = 0;
    let connections = 0;
    for (const pc of pcs.slice(from)) {
      if (pc.connectionState === 'closed') continue;
      connections += 1;
      const report = await pc.getStats();
      report.forEach((s: Record<string, unknown>) => {
        if (s.type !== 'inbound-rtp') return;
        if (s.kind === 'video' && s.ssrc !== 1234) {
          framesDecoded = Math.max(framesDecoded, Number(s.framesDecoded ?? 0));
          videoPacketsReceived = Math.max(videoPacketsReceived, Number(s.packetsReceived ?? 0));
        }
        if (s.kind === 'audio') {
          audioPacketsReceived = Math.max(audioPacketsReceived, Number(s.packetsReceived ?? 0));
          audioBytesReceived = Math.max(audioBytesReceived, Number(s.bytesReceived ?? 0));
        }
      });
    }
    return { framesDecoded, videoPacketsReceived, audioPacketsReceived, audioBytesReceived, connections, connectionStates: pcs.map((pc) => pc.connectionState) };
  }, fromIndex);
}

/** Polls receivedMediaSince until `done` holds, or fails with the last figures. */
export async function waitForMediaSince(
  page: Page,
  fromIndex: number,
  done: (m: ReceivedMediaDetail) => boolean,
  timeoutMs = 45_000,
): Promise<ReceivedMediaDetail> {
  const deadline = Date.now() + timeoutMs;
  let last = await receivedMediaSince(page, fromIndex);
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`media not received in time (connections from #${fromIndex}): ${JSON.stringify(last)}`);
    await page.waitForTimeout(500);
    last = await receivedMediaSince(page, fromIndex);
  }
  return last;
}

/** One inbound RTP stream of a page (from getStats of its captured peer connections). */
export interface InboundStream {
  pc: number;
  ssrc: number;
  kind: 'audio' | 'video';
  packetsReceived: number;
  bytesReceived: number;
  framesDecoded: number;
}

/**
 * Every inbound RTP stream on the page's open peer connections, mediasoup-client's probator
 * (SSRC 1234) excepted. mediasoup gives every consumer its own SSRC, so the streams of consumers
 * created after some event can be told apart from older ones by their SSRC.
 */
export function inboundStreams(page: Page): Promise<InboundStream[]> {
  return page.evaluate(async () => {
    const pcs = (window as unknown as { __visitePeerConnections: RTCPeerConnection[] }).__visitePeerConnections ?? [];
    const out: { pc: number; ssrc: number; kind: 'audio' | 'video'; packetsReceived: number; bytesReceived: number; framesDecoded: number }[] = [];
    for (let i = 0; i < pcs.length; i++) {
      if (pcs[i].connectionState === 'closed') continue;
      const report = await pcs[i].getStats();
      report.forEach((s: Record<string, unknown>) => {
        if (s.type !== 'inbound-rtp' || s.ssrc === 1234) return;
        out.push({
          pc: i,
          ssrc: Number(s.ssrc),
          kind: s.kind as 'audio' | 'video',
          packetsReceived: Number(s.packetsReceived ?? 0),
          bytesReceived: Number(s.bytesReceived ?? 0),
          framesDecoded: Number(s.framesDecoded ?? 0),
        });
      });
    }
    return out;
  });
}

/** Media received on streams whose SSRC is not in `oldSsrcs` (i.e. from consumers created since). */
export interface FreshMedia {
  framesDecoded: number;
  videoPacketsReceived: number;
  audioPacketsReceived: number;
  audioBytesReceived: number;
  streams: InboundStream[];
}

export async function freshMedia(page: Page, oldSsrcs: ReadonlySet<number>): Promise<FreshMedia> {
  const streams = (await inboundStreams(page)).filter((s) => !oldSsrcs.has(s.ssrc));
  const video = streams.filter((s) => s.kind === 'video');
  const audio = streams.filter((s) => s.kind === 'audio');
  return {
    framesDecoded: Math.max(0, ...video.map((s) => s.framesDecoded)),
    videoPacketsReceived: Math.max(0, ...video.map((s) => s.packetsReceived)),
    audioPacketsReceived: Math.max(0, ...audio.map((s) => s.packetsReceived)),
    audioBytesReceived: Math.max(0, ...audio.map((s) => s.bytesReceived)),
    streams,
  };
}

/** Polls freshMedia until `done` holds, or fails with the last figures. */
export async function waitForFreshMedia(
  page: Page,
  oldSsrcs: ReadonlySet<number>,
  done: (m: FreshMedia) => boolean,
  timeoutMs = 45_000,
): Promise<FreshMedia> {
  const deadline = Date.now() + timeoutMs;
  let last = await freshMedia(page, oldSsrcs);
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`fresh media not received in time: ${JSON.stringify(last)} (old SSRCs ${JSON.stringify([...oldSsrcs])})`);
    await page.waitForTimeout(500);
    last = await freshMedia(page, oldSsrcs);
  }
  return last;
}

/**
 * Records every WebSocket the page opens (socket.io's signaling to the SFU, the realtime channel to
 * the API), so a spec can drop them the way a network loss does.
 */
const CAPTURE_WEB_SOCKETS = `(() => {
  const Original = window.WebSocket;
  const created = [];
  class Recorded extends Original {
    constructor(...args) { super(...args); created.push(this); }
  }
  window.WebSocket = Recorded;
  window.__visiteWebSockets = created;
})();`;

export async function captureWebSockets(context: BrowserContext): Promise<void> {
  await context.addInitScript(CAPTURE_WEB_SOCKETS);
}

/**
 * Simulates the page losing its network: the context goes offline (HTTP and new WebSockets fail),
 * and the WebSockets already open are closed, as the browser does when the connection is lost
 * (Chromium's offline emulation alone leaves open WebSockets and WebRTC untouched).
 * Returns the URLs of the sockets closed.
 */
export async function dropNetwork(context: BrowserContext, page: Page): Promise<string[]> {
  await context.setOffline(true);
  return page.evaluate(() => {
    const sockets = (window as unknown as { __visiteWebSockets?: WebSocket[] }).__visiteWebSockets ?? [];
    const closed: string[] = [];
    for (const ws of sockets) {
      if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) {
        closed.push(ws.url.replace(/[?#].*$/, ''));
        ws.close(4000, 'network lost (test)');
      }
    }
    return closed;
  });
}

export async function restoreNetwork(context: BrowserContext): Promise<void> {
  await context.setOffline(false);
}

/**
 * Routes the context's socket.io WebSockets through Playwright so a spec can make them go silent
 * (a "half-open" drop: nothing is delivered either way, nothing is closed, as when a phone changes
 * network). Must be called before the page opens its sockets.
 */
export async function silenceableWebSockets(context: BrowserContext): Promise<{ setSilent(silent: boolean): void; routed(): number }> {
  let silent = false;
  let count = 0;
  await context.routeWebSocket(/\/socket\.io\//, (ws) => {
    count += 1;
    const server = ws.connectToServer();
    // A side closed while silent is never heard of by the other side: it finds out by its own timeout.
    let dead = false;
    ws.onMessage((message) => {
      if (!silent && !dead) server.send(message);
    });
    server.onMessage((message) => {
      if (!silent && !dead) ws.send(message);
    });
    ws.onClose((code, reason) => {
      const wasDead = dead;
      dead = true;
      if (!silent && !wasDead) server.close({ code, reason });
    });
    server.onClose((code, reason) => {
      const wasDead = dead;
      dead = true;
      if (!silent && !wasDead) ws.close({ code, reason });
    });
  });
  return {
    setSilent: (value: boolean) => {
      silent = value;
    },
    routed: () => count,
  };
}
