import { loadConfig, loadDatabaseConfig } from './app-config';

const KEY = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIGm7vYh0c3QtZmFrZS1rZXktZm9yLWNvbmZpZy10ZXN0cw==\n-----END PRIVATE KEY-----\n';
const MASTER = 'ZmFrZS1tYXN0ZXIta2V5LWZvci1jb25maWctdGVzdHM=';
const BASE = { MEDIA_TOKEN_PRIVATE_KEY: KEY, VISITE_MASTER_KEY: MASTER };

describe('configuration', () => {
  it('uses the embedded database when DATABASE_URL is unset or empty', () => {
    expect(loadDatabaseConfig({ DATABASE_URL: '', DATA_DIR: '/srv/visite' })).toEqual({ kind: 'pglite', dataDir: '/srv/visite/pglite' });
    expect(loadDatabaseConfig({ DATABASE_URL: 'postgres://db/visite' })).toEqual({ kind: 'postgres', url: 'postgres://db/visite' });
  });

  it('lists every invalid variable at once, then the missing key', () => {
    expect(() => loadConfig({ PORT: 'eighty', PUBLIC_URL: 'not a url' })).toThrow(/PORT[\s\S]*PUBLIC_URL/);
    expect(() => loadConfig({})).toThrow(/MEDIA_TOKEN_PRIVATE_KEY/);
    expect(() => loadConfig({ MEDIA_TOKEN_PRIVATE_KEY: KEY })).toThrow(/VISITE_MASTER_KEY/);
    expect(() => loadConfig({ MEDIA_TOKEN_PRIVATE_KEY: KEY, VISITE_MASTER_KEY: Buffer.alloc(16).toString('base64') })).toThrow(/32 bytes/);
  });

  it('reads the mail server, the SMS provider and the outbox settings', () => {
    const none = loadConfig({ ...BASE, PUBLIC_URL: 'https://visio.cabinet.fr' });
    expect(none.mail).toEqual({ smtp: null, from: 'no-reply@visio.cabinet.fr' });
    expect(none.sms).toEqual({ provider: 'log' });
    expect(none.outbox).toEqual({ worker: true, pollIntervalMs: 2000, leaseSeconds: 120, retryBaseSeconds: 30, maxAttempts: 6 });
    expect(loadConfig({ ...BASE, SMTP_URL: 'smtp://u:p@mail:587', MAIL_FROM: 'cabinet@example.fr' }).mail).toEqual({ smtp: { url: 'smtp://u:p@mail:587' }, from: 'cabinet@example.fr' });
    expect(loadConfig({ ...BASE, SMTP_HOST: 'mail', SMTP_PORT: '465' }).mail.smtp).toEqual({ host: 'mail', port: 465, secure: true, user: null, password: null });
    expect(() => loadConfig({ ...BASE, SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ ...BASE, SMS_PROVIDER: 'webhook' })).toThrow(/SMS_WEBHOOK_URL/);
    expect(loadConfig({ ...BASE, SMS_PROVIDER: 'webhook', SMS_WEBHOOK_URL: 'https://sms.example/send', SMS_WEBHOOK_SECRET: 'a-long-shared-secret' }).sms).toEqual({
      provider: 'webhook', url: 'https://sms.example/send', secret: 'a-long-shared-secret', sender: null,
    });
  });

  it('needs a master key of 32 bytes, from the variable or a file', () => {
    expect(() => loadConfig({ MEDIA_TOKEN_PRIVATE_KEY: KEY })).toThrow(/VISITE_MASTER_KEY[\s\S]*protects the patients/);
    expect(() => loadConfig({ MEDIA_TOKEN_PRIVATE_KEY: KEY, VISITE_MASTER_KEY: 'too-short' })).toThrow(/VISITE_MASTER_KEY: must be 32 bytes/);
    expect(() => loadConfig({ MEDIA_TOKEN_PRIVATE_KEY: KEY, VISITE_MASTER_KEY_FILE: '/nonexistent/master.key' })).toThrow(/VISITE_MASTER_KEY_FILE: cannot read/);
    const hex = 'ab'.repeat(32);
    const config = loadConfig({ MEDIA_TOKEN_PRIVATE_KEY: KEY, VISITE_MASTER_KEY: hex, VISITE_MASTER_KEY_PREVIOUS: MASTER });
    expect(config.masterKey.key.toString('hex')).toBe(hex);
    expect(config.previousMasterKeys).toHaveLength(1);
    expect(config.masterKey.id).not.toBe(config.previousMasterKeys[0]!.id);
  });

  it('refuses the embedded database in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ...BASE })).toThrow(/production needs DATABASE_URL/);
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/v', ...BASE }).database.kind).toBe('postgres');
  });

  it('derives the cookie flag and TURN from the environment', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://visio.cabinet.fr/', ...BASE, TURN_URLS: 'turn:t:3478, turns:t:443', TURN_SECRET: 's' });
    expect(config.publicUrl).toBe('https://visio.cabinet.fr');
    expect(config.cookieSecure).toBe(true);
    expect(config.turn).toEqual({ urls: ['turn:t:3478', 'turns:t:443'], secret: 's', credentialTtlSeconds: 4 * 3600 });
    expect(config.iceTransportPolicy).toBe('all');
  });

  it('takes the TURN credential lifetime and the relay policy, and refuses relay without TURN', () => {
    const config = loadConfig({ ...BASE, TURN_URLS: 'turn:t:3478', TURN_SECRET: 's', TURN_CREDENTIAL_TTL_SECONDS: '900', ICE_TRANSPORT_POLICY: 'relay' });
    expect(config.turn?.credentialTtlSeconds).toBe(900);
    expect(config.iceTransportPolicy).toBe('relay');
    expect(() => loadConfig({ ...BASE, ICE_TRANSPORT_POLICY: 'relay' })).toThrow(/ICE_TRANSPORT_POLICY=relay needs a TURN server/);
    expect(() => loadConfig({ ...BASE, TURN_URLS: 'turn:t:3478' })).toThrow(/TURN_URLS and TURN_SECRET together/);
    expect(() => loadConfig({ ...BASE, ICE_TRANSPORT_POLICY: 'udp' })).toThrow(/ICE_TRANSPORT_POLICY/);
  });
});
