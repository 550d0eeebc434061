import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { envSchema } from './env.schema';

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

/** Parses the environment once; throws a ConfigError listing every problem. */
export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`).join('\n');
    throw new ConfigError(`Invalid configuration:\n${problems}`);
  }
  const env = parsed.data;
  const trim = (url: string) => url.replace(/\/+$/, '');
  const mediaKey = env.MEDIA_TOKEN_PRIVATE_KEY ?? readFileSync(resolve(env.MEDIA_TOKEN_PRIVATE_KEY_FILE!), 'utf8');
  const config: AppConfig = {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicUrl: trim(env.PUBLIC_URL),
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL }
      : { kind: 'pglite', dataDir: resolve(env.DATA_DIR, 'pglite') },
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
