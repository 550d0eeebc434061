import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type MasterKey, parseMasterKey } from '../modules/keys/master-key';
import { databaseEnvSchema, envSchema } from './env.schema';

/** The typed, validated configuration. Injected with the `AppConfig` class as token. */
export class AppConfig {
  readonly env!: 'development' | 'production' | 'test';
  readonly host!: string;
  readonly port!: number;
  readonly publicUrl!: string;
  readonly database!: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  readonly redisUrl!: string | null;
  readonly runMigrations!: boolean;
  readonly sessionTtlMs!: number;
  readonly sessionPurgeIntervalMs!: number;
  readonly realtimeRecheckMs!: number;
  readonly cookieSecure!: boolean;
  readonly joinLinkTtlMs!: number;
  readonly passwordLinkTtlMs!: number;
  readonly mediaTokenPrivateKeyPem!: string;
  readonly masterKey!: MasterKey;
  readonly previousMasterKeys!: MasterKey[];
  readonly mediaTokenTtlSeconds!: number;
  readonly sfuPublicUrl!: string;
  readonly sfuControlUrl!: string;
  /** coturn with the REST shared-secret scheme: credentials valid `credentialTtlSeconds`. */
  readonly turn!: { urls: string[]; secret: string; credentialTtlSeconds: number } | null;
  readonly iceTransportPolicy!: 'all' | 'relay';
  readonly webDistDir!: string | null;
  readonly seedDemo!: boolean;
  readonly defaultConsultationMinutes!: number;
  readonly practiceTimeZone!: string;
  readonly mail!: { smtp: SmtpSettings | null; from: string };
  readonly sms!: SmsSettings;
  /** The MSSanté relay visit reports go through (null: not configured) and the mailbox they come from. */
  readonly mssante!: { smtp: SmtpSettings | null; from: string | null };
  readonly outbox!: OutboxSettings;
  readonly rateLimits!: RateLimitSettings;
  /** Origins whose pages may open the realtime channel (the handshake's Origin header). */
  readonly allowedOrigins!: string[];
}

/** docs/security.md "Rate limits". */
export interface RateLimitSettings {
  loginPerAccount: number;
  loginPerAddress: number;
  joinPerAddress: number;
  joinHandshakesPerLink: number;
  birthDatePerLink: number;
  socketBurst: number;
  socketPerSecond: number;
  keyPrefix: string;
}

/** nodemailer's connection: a URL, or host and credentials. */
export type SmtpSettings = { url: string } | { host: string; port: number; secure: boolean; user: string | null; password: string | null };

export type SmsSettings = { provider: 'log' } | { provider: 'webhook'; url: string; secret: string; sender: string | null };

export interface OutboxSettings {
  worker: boolean;
  pollIntervalMs: number;
  leaseSeconds: number;
  retryBaseSeconds: number;
  maxAttempts: number;
}

export class ConfigError extends Error {}

type Source = Record<string, string | undefined>;

/** Empty variables count as unset (`DATABASE_URL=` must not mean "some database"). */
function withoutEmpty(source: Source): Source {
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ''));
}

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, source: Source): T {
  const parsed = schema.safeParse(withoutEmpty(source));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.map(String).join('.') || '(env)'}: ${i.message}`).join('\n');
    throw new ConfigError(`Invalid configuration:\n${problems}`);
  }
  return parsed.data;
}

/** A master key from its variable or its file; a ConfigError when it is not 32 bytes in hex or base64. */
export function readMasterKey(name: string, value: string | undefined, file: string | undefined): MasterKey | null {
  if (!value && !file) return null;
  let text: string;
  try {
    text = value ?? readFileSync(resolve(file!), 'utf8');
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  ${name}_FILE: cannot read ${file}: ${(error as Error).message}`);
  }
  const key = parseMasterKey(text);
  if (!key) throw new ConfigError(`Invalid configuration:\n  ${name}: must be 32 bytes written as 64 hex digits or base64 (generate one with: openssl rand -base64 32)`);
  return key;
}

/** Only what the database needs (the migration CLI runs without the media key). */
export function loadDatabaseConfig(source: Source = process.env): AppConfig['database'] {
  const env = parse(databaseEnvSchema, source);
  return env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL } : { kind: 'pglite', dataDir: resolve(env.DATA_DIR, 'pglite') };
}

/** Parses the environment once; throws a ConfigError listing every invalid variable (then the cross-field checks). */
export function loadConfig(source: Source = process.env): AppConfig {
  const env = parse(envSchema, source);
  const trim = (url: string) => url.replace(/\/+$/, '');
  const mediaKey = env.MEDIA_TOKEN_PRIVATE_KEY ?? readFileSync(resolve(env.MEDIA_TOKEN_PRIVATE_KEY_FILE!), 'utf8');
  const publicHost = new URL(env.PUBLIC_URL).hostname;
  const masterKey = readMasterKey('VISITE_MASTER_KEY', env.VISITE_MASTER_KEY, env.VISITE_MASTER_KEY_FILE)!;
  const previous = readMasterKey('VISITE_MASTER_KEY_PREVIOUS', env.VISITE_MASTER_KEY_PREVIOUS, env.VISITE_MASTER_KEY_PREVIOUS_FILE);
  const config: AppConfig = {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicUrl: trim(env.PUBLIC_URL),
    database: loadDatabaseConfig(source),
    redisUrl: env.REDIS_URL ?? null,
    runMigrations: env.RUN_MIGRATIONS,
    sessionTtlMs: env.SESSION_TTL_HOURS * 3600_000,
    sessionPurgeIntervalMs: env.SESSION_PURGE_INTERVAL_MINUTES * 60_000,
    realtimeRecheckMs: env.REALTIME_RECHECK_SECONDS * 1000,
    cookieSecure: env.COOKIE_SECURE ?? env.PUBLIC_URL.startsWith('https:'),
    joinLinkTtlMs: env.JOIN_LINK_TTL_HOURS * 3600_000,
    passwordLinkTtlMs: env.PASSWORD_LINK_TTL_HOURS * 3600_000,
    mediaTokenPrivateKeyPem: mediaKey,
    masterKey,
    previousMasterKeys: previous && previous.id !== masterKey.id ? [previous] : [],
    mediaTokenTtlSeconds: env.MEDIA_TOKEN_TTL_SECONDS,
    sfuPublicUrl: trim(env.SFU_PUBLIC_URL),
    sfuControlUrl: trim(env.SFU_CONTROL_URL ?? env.SFU_PUBLIC_URL),
    turn:
      env.TURN_URLS && env.TURN_SECRET
        ? { urls: env.TURN_URLS.split(',').map((u) => u.trim()).filter(Boolean), secret: env.TURN_SECRET, credentialTtlSeconds: env.TURN_CREDENTIAL_TTL_SECONDS }
        : null,
    iceTransportPolicy: env.ICE_TRANSPORT_POLICY,
    webDistDir: env.WEB_DIST_DIR ? resolve(env.WEB_DIST_DIR) : null,
    seedDemo: env.SEED_DEMO,
    defaultConsultationMinutes: env.DEFAULT_CONSULTATION_MINUTES,
    practiceTimeZone: env.PRACTICE_TIME_ZONE,
    mail: {
      smtp: env.SMTP_URL
        ? { url: env.SMTP_URL }
        : env.SMTP_HOST
          ? { host: env.SMTP_HOST, port: env.SMTP_PORT ?? 587, secure: env.SMTP_SECURE ?? env.SMTP_PORT === 465, user: env.SMTP_USER ?? null, password: env.SMTP_PASSWORD ?? null }
          : null,
      from: env.MAIL_FROM ?? `no-reply@${publicHost.includes('.') ? publicHost : `${publicHost}.localdomain`}`,
    },
    mssante: {
      smtp: env.MSSANTE_SMTP_URL
        ? { url: env.MSSANTE_SMTP_URL }
        : env.MSSANTE_SMTP_HOST
          ? {
              host: env.MSSANTE_SMTP_HOST,
              port: env.MSSANTE_SMTP_PORT ?? 587,
              secure: env.MSSANTE_SMTP_SECURE ?? env.MSSANTE_SMTP_PORT === 465,
              user: env.MSSANTE_SMTP_USER ?? null,
              password: env.MSSANTE_SMTP_PASSWORD ?? null,
            }
          : null,
      from: env.MSSANTE_FROM ?? null,
    },
    sms:
      env.SMS_PROVIDER === 'webhook'
        ? { provider: 'webhook', url: env.SMS_WEBHOOK_URL!, secret: env.SMS_WEBHOOK_SECRET!, sender: env.SMS_SENDER ?? null }
        : { provider: 'log' },
    outbox: {
      worker: env.OUTBOX_WORKER,
      pollIntervalMs: env.OUTBOX_POLL_INTERVAL_MS,
      leaseSeconds: env.OUTBOX_LEASE_SECONDS,
      retryBaseSeconds: env.OUTBOX_RETRY_BASE_SECONDS,
      maxAttempts: env.OUTBOX_MAX_ATTEMPTS,
    },
    allowedOrigins: env.ALLOWED_ORIGINS ? env.ALLOWED_ORIGINS.split(',').map((o) => trim(o.trim())).filter(Boolean) : [new URL(env.PUBLIC_URL).origin],
    rateLimits: {
      loginPerAccount: env.RATE_LIMIT_LOGIN_PER_ACCOUNT,
      loginPerAddress: env.RATE_LIMIT_LOGIN_PER_ADDRESS,
      joinPerAddress: env.RATE_LIMIT_JOIN_PER_ADDRESS,
      joinHandshakesPerLink: env.RATE_LIMIT_JOIN_HANDSHAKES_PER_LINK,
      birthDatePerLink: env.RATE_LIMIT_BIRTH_DATE_PER_LINK,
      socketBurst: env.RATE_LIMIT_SOCKET_BURST,
      socketPerSecond: env.RATE_LIMIT_SOCKET_PER_SECOND,
      keyPrefix: env.RATE_LIMIT_KEY_PREFIX,
    },
  };
  return Object.assign(new AppConfig(), config);
}
