import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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
  readonly cookieSecure!: boolean;
  readonly joinLinkTtlMs!: number;
  readonly mediaTokenPrivateKeyPem!: string;
  readonly mediaTokenTtlSeconds!: number;
  readonly sfuPublicUrl!: string;
  readonly sfuControlUrl!: string;
  readonly turn!: { urls: string[]; secret: string } | null;
  readonly webDistDir!: string | null;
  readonly seedDemo!: boolean;
  readonly defaultConsultationMinutes!: number;
  readonly practiceTimeZone!: string;
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
  const config: AppConfig = {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicUrl: trim(env.PUBLIC_URL),
    database: loadDatabaseConfig(source),
    redisUrl: env.REDIS_URL ?? null,
    runMigrations: env.RUN_MIGRATIONS,
    sessionTtlMs: env.SESSION_TTL_HOURS * 3600_000,
    cookieSecure: env.COOKIE_SECURE ?? env.PUBLIC_URL.startsWith('https:'),
    joinLinkTtlMs: env.JOIN_LINK_TTL_HOURS * 3600_000,
    mediaTokenPrivateKeyPem: mediaKey,
    mediaTokenTtlSeconds: env.MEDIA_TOKEN_TTL_SECONDS,
    sfuPublicUrl: trim(env.SFU_PUBLIC_URL),
    sfuControlUrl: trim(env.SFU_CONTROL_URL ?? env.SFU_PUBLIC_URL),
    turn:
      env.TURN_URLS && env.TURN_SECRET
        ? { urls: env.TURN_URLS.split(',').map((u) => u.trim()).filter(Boolean), secret: env.TURN_SECRET }
        : null,
    webDistDir: env.WEB_DIST_DIR ? resolve(env.WEB_DIST_DIR) : null,
    seedDemo: env.SEED_DEMO,
    defaultConsultationMinutes: env.DEFAULT_CONSULTATION_MINUTES,
    practiceTimeZone: env.PRACTICE_TIME_ZONE,
  };
  return Object.assign(new AppConfig(), config);
}
