import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

const PEM = '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n';

describe('loadConfig', () => {
  it('applies the defaults', () => {
    expect(loadConfig({ MEDIA_TOKEN_PUBLIC_KEY: PEM })).toEqual({
      port: 3100,
      host: '0.0.0.0',
      numWorkers: 1,
      listenIp: '0.0.0.0',
      announcedAddress: '127.0.0.1',
      webRtcPort: 44444,
      logLevel: 'info',
      mediaTokenPublicKey: PEM,
      workerBin: undefined,
      corsOrigin: '*',
      mediaSampleIntervalMs: 2000,
      maxTokenLifetimeSeconds: 600,
      tokenClockSkewSeconds: 30,
      benchPlainTransports: false,
    });
  });

  it('parses every variable and reads the key from a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sfu-config-'));
    writeFileSync(join(dir, 'key.pem'), PEM);
    const config = loadConfig({
      SFU_PORT: '4000',
      SFU_HOST: '127.0.0.1',
      SFU_NUM_WORKERS: '4',
      SFU_LISTEN_IP: '10.0.0.2',
      SFU_ANNOUNCED_ADDRESS: 'media.example.org',
      SFU_WEBRTC_PORT: '0',
      SFU_LOG_LEVEL: 'debug',
      MEDIA_TOKEN_PUBLIC_KEY_FILE: join(dir, 'key.pem'),
      MEDIASOUP_WORKER_BIN: '/opt/mediasoup-worker',
      SFU_CORS_ORIGIN: 'https://a.example, https://b.example',
      SFU_MEDIA_SAMPLE_INTERVAL_MS: '500',
      SFU_BENCH_PLAIN_TRANSPORTS: 'true',
    });
    expect(config).toMatchObject({
      port: 4000,
      numWorkers: 4,
      announcedAddress: 'media.example.org',
      webRtcPort: 0,
      logLevel: 'debug',
      mediaTokenPublicKey: PEM,
      workerBin: '/opt/mediasoup-worker',
      corsOrigin: ['https://a.example', 'https://b.example'],
      mediaSampleIntervalMs: 500,
      benchPlainTransports: true,
    });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ MEDIA_TOKEN_PUBLIC_KEY: PEM, SFU_PORT: '', MEDIASOUP_WORKER_BIN: '' })).toMatchObject({ port: 3100, workerBin: undefined });
  });

  it.each([
    [{}, /MEDIA_TOKEN_PUBLIC_KEY/],
    [{ MEDIA_TOKEN_PUBLIC_KEY: PEM, SFU_PORT: 'abc' }, /SFU_PORT/],
    [{ MEDIA_TOKEN_PUBLIC_KEY: PEM, SFU_BENCH_PLAIN_TRANSPORTS: 'yes' }, /SFU_BENCH_PLAIN_TRANSPORTS/],
    [{ MEDIA_TOKEN_PUBLIC_KEY: PEM, SFU_NUM_WORKERS: '0' }, /SFU_NUM_WORKERS/],
    [{ MEDIA_TOKEN_PUBLIC_KEY: PEM, SFU_LOG_LEVEL: 'loud' }, /SFU_LOG_LEVEL/],
    [{ MEDIA_TOKEN_PUBLIC_KEY: PEM, SFU_MEDIA_SAMPLE_INTERVAL_MS: '10' }, /SFU_MEDIA_SAMPLE_INTERVAL_MS/],
    [{ MEDIA_TOKEN_PUBLIC_KEY: PEM, SFU_MEDIA_SAMPLE_INTERVAL_MS: 'often' }, /SFU_MEDIA_SAMPLE_INTERVAL_MS/],
    [{ MEDIA_TOKEN_PUBLIC_KEY_FILE: '/nonexistent/key.pem' }, /cannot read/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
