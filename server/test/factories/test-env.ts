import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { loadConfig, type AppConfig } from '../../src/config/app-config';

/** Where the real services are: PostgreSQL and Redis on this machine unless told otherwise. */
export function adminDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function databaseUrlFor(name: string): string {
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export function redisUrl(): string {
  return process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/**
 * Databases the test suites create get this suffix (VISITE_TEST_DB_SUFFIX), so several checkouts of
 * the project can run their suites on one PostgreSQL at once.
 */
export const TEST_DB_SUFFIX = (process.env.VISITE_TEST_DB_SUFFIX ?? '').replace(/[^a-z0-9_]/g, '');

export const TEST_DATABASE = `visite_integration${TEST_DB_SUFFIX}`;

const keys = generateKeyPairSync('ed25519');
export const mediaPublicKey = keys.publicKey;
export const mediaPrivatePem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
/** The master key of the test databases (the key-rotation spec uses a database of its own). */
export const TEST_MASTER_KEY = 'dGVzdC1tYXN0ZXIta2V5LXZpc2l0ZS0zMi1ieXRlcyE=';

/** A configuration on the real test database and Redis, as main.ts would build it from the environment. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    PUBLIC_URL: 'http://visite.test',
    DATABASE_URL: databaseUrlFor(TEST_DATABASE),
    REDIS_URL: redisUrl(),
    RUN_MIGRATIONS: 'false',
    MEDIA_TOKEN_PRIVATE_KEY: mediaPrivatePem,
    VISITE_MASTER_KEY: TEST_MASTER_KEY,
    SFU_PUBLIC_URL: 'http://127.0.0.1:9',
    // Rate limits count in the shared Redis: each test app its own keys (other specs and checkouts use
    // the same Redis). The specs sign in dozens of accounts from 127.0.0.1: the per-address limits are
    // raised here; rate-limits.spec.ts runs with the defaults.
    RATE_LIMIT_KEY_PREFIX: `visite-test:${randomUUID()}`,
    RATE_LIMIT_LOGIN_PER_ADDRESS: '100000',
    RATE_LIMIT_JOIN_PER_ADDRESS: '100000',
    ...overrides,
  });
}
