import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/** The database settings, also used alone by the migration and user CLIs. */
export const databaseEnvSchema = z.object({
  /** PostgreSQL connection string. Without it: embedded PGlite under DATA_DIR. */
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
});

/**
 * The server's whole configuration, read once at boot from the environment. Services receive the
 * parsed `AppConfig` through injection; nothing else reads `process.env`.
 */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Origin patients and staff reach; join links are built on it. */
    PUBLIC_URL: z.url().default('http://localhost:3000'),
    ...databaseEnvSchema.shape,
    /** Redis for what nodes share (socket.io adapter, presence). Without it: in-process, one node. */
    REDIS_URL: z.string().optional(),
    RUN_MIGRATIONS: bool.default(true),
    SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
    COOKIE_SECURE: bool.optional(),
    /** How long after the appointment a join link stays valid. */
    JOIN_LINK_TTL_HOURS: z.coerce.number().positive().default(24),
    MEDIA_TOKEN_PRIVATE_KEY: z.string().optional(),
    MEDIA_TOKEN_PRIVATE_KEY_FILE: z.string().optional(),
    MEDIA_TOKEN_TTL_SECONDS: z.coerce.number().int().min(10).max(3600).default(120),
    /** SFU origin as browsers reach it. */
    SFU_PUBLIC_URL: z.url().default('http://localhost:3100'),
    /** SFU origin as this server reaches it (control calls); defaults to SFU_PUBLIC_URL. */
    SFU_CONTROL_URL: z.url().optional(),
    /** Comma-separated TURN URLs (turn:host:3478?transport=udp,turns:host:443?transport=tcp). */
    TURN_URLS: z.string().optional(),
    /** coturn `static-auth-secret`: short-lived TURN credentials are derived from it. */
    TURN_SECRET: z.string().optional(),
    /** Built web client to serve on /, if present. */
    WEB_DIST_DIR: z.string().optional(),
    /** Create the demo practice users at boot (embedded default). */
    SEED_DEMO: bool.default(false),
    /** Minutes assumed per consultation when a doctor has none finished today (waiting estimates). */
    /** IANA time zone of the practice: "today" and join windows are computed in it. */
    PRACTICE_TIME_ZONE: z.string().default('Europe/Paris'),
    DEFAULT_CONSULTATION_MINUTES: z.coerce.number().int().min(1).max(120).default(15),
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.DATABASE_URL, {
    message: 'production needs DATABASE_URL (the embedded database is for one machine and development)',
    path: ['DATABASE_URL'],
  })
  .refine((env) => env.MEDIA_TOKEN_PRIVATE_KEY || env.MEDIA_TOKEN_PRIVATE_KEY_FILE, {
    message: 'set MEDIA_TOKEN_PRIVATE_KEY (PEM, Ed25519 PKCS#8) or MEDIA_TOKEN_PRIVATE_KEY_FILE',
    path: ['MEDIA_TOKEN_PRIVATE_KEY'],
  });

export type Env = z.infer<typeof envSchema>;
