import { loadConfig } from '../../src/config';
import { createSfu, type Sfu } from '../../src/sfu';
import { generateTestKeys, type TestKeys } from './tokens';

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
