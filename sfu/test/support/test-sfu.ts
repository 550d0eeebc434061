import { loadConfig } from '../../src/config';
import { createSfu, type Sfu } from '../../src/sfu';
import type { MediaTokenClaims } from '@visite/contracts';
import { TestPeer } from './test-peer';
import { generateTestKeys, mediaToken, type TestKeys } from './tokens';

export interface TestSfu {
  sfu: Sfu;
  keys: TestKeys;
  url: string;
}

/** A real SFU in-process: real mediasoup workers, HTTP + socket.io on a free port, WebRTC on free ports. */
export async function startTestSfu(env: Record<string, string> = {}): Promise<TestSfu> {
  const keys = await generateTestKeys();
  const config = loadConfig({
    SFU_PORT: '0',
    SFU_HOST: '127.0.0.1',
    SFU_LISTEN_IP: '127.0.0.1',
    SFU_ANNOUNCED_ADDRESS: '127.0.0.1',
    SFU_WEBRTC_PORT: '0',
    SFU_LOG_LEVEL: process.env.SFU_TEST_LOG_LEVEL ?? 'silent',
    MEDIA_TOKEN_PUBLIC_KEY: keys.publicKeyPem,
    MEDIASOUP_WORKER_BIN: process.env.MEDIASOUP_WORKER_BIN,
    ...env,
  });
  const sfu = await createSfu(config);
  return { sfu, keys, url: `http://127.0.0.1:${sfu.address().port}` };
}

/** Polls until `check` is true (or throws after `timeoutMs`). */
export async function waitFor(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface TestSfuFixture {
  readonly sfu: Sfu;
  readonly keys: TestKeys;
  readonly url: string;
  /** A peer of `room` with a valid media token (claims default to a patient); closed after each test. */
  connect(room: string, sub: string, claims?: Partial<MediaTokenClaims>): Promise<TestPeer>;
  /** Peers the test connected by itself, to be closed after the test like the others. */
  adopt(...connected: TestPeer[]): void;
}

/**
 * A real SFU for one spec file: started before each test (or once for the file with `perFile`) and
 * closed after, together with the peers the test connected.
 */
export function useTestSfu(env: Record<string, string> = {}, { perFile = false } = {}): TestSfuFixture {
  let current: TestSfu | undefined;
  const peers: TestPeer[] = [];
  const started = (): TestSfu => {
    if (!current) throw new Error('the test SFU is not started');
    return current;
  };
  const start = async () => {
    current = await startTestSfu(env);
  };
  const stop = async () => {
    await current?.sfu.close();
    current = undefined;
  };
  if (perFile) beforeAll(start);
  else beforeEach(start);
  afterEach(async () => {
    for (const peer of peers.splice(0)) peer.close();
    if (!perFile) await stop();
  });
  if (perFile) afterAll(stop);
  return {
    get sfu() {
      return started().sfu;
    },
    get keys() {
      return started().keys;
    },
    get url() {
      return started().url;
    },
    async connect(room, sub, claims = {}) {
      const t = started();
      const peer = await TestPeer.connect(t.url, await mediaToken(t.keys, { room, sub, ...claims }));
      peers.push(peer);
      return peer;
    },
    adopt(...connected) {
      peers.push(...connected);
    },
  };
}
