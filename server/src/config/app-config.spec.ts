import { loadConfig, loadDatabaseConfig } from './app-config';

const KEY = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIGm7vYh0c3QtZmFrZS1rZXktZm9yLWNvbmZpZy10ZXN0cw==\n-----END PRIVATE KEY-----\n';

describe('configuration', () => {
  it('uses the embedded database when DATABASE_URL is unset or empty', () => {
    expect(loadDatabaseConfig({ DATABASE_URL: '', DATA_DIR: '/srv/visite' })).toEqual({ kind: 'pglite', dataDir: '/srv/visite/pglite' });
    expect(loadDatabaseConfig({ DATABASE_URL: 'postgres://db/visite' })).toEqual({ kind: 'postgres', url: 'postgres://db/visite' });
  });

  it('lists every invalid variable at once, then the missing key', () => {
    expect(() => loadConfig({ PORT: 'eighty', PUBLIC_URL: 'not a url' })).toThrow(/PORT[\s\S]*PUBLIC_URL/);
    expect(() => loadConfig({})).toThrow(/MEDIA_TOKEN_PRIVATE_KEY/);
  });

  it('refuses the embedded database in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', MEDIA_TOKEN_PRIVATE_KEY: KEY })).toThrow(/production needs DATABASE_URL/);
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/v', MEDIA_TOKEN_PRIVATE_KEY: KEY }).database.kind).toBe('postgres');
  });

  it('derives the cookie flag and TURN from the environment', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://visio.cabinet.fr/', MEDIA_TOKEN_PRIVATE_KEY: KEY, TURN_URLS: 'turn:t:3478, turns:t:443', TURN_SECRET: 's' });
    expect(config.publicUrl).toBe('https://visio.cabinet.fr');
    expect(config.cookieSecure).toBe(true);
    expect(config.turn).toEqual({ urls: ['turn:t:3478', 'turns:t:443'], secret: 's' });
  });
});
