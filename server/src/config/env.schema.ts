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
    /** How often expired sessions are deleted (every node runs the same idempotent DELETE). */
    SESSION_PURGE_INTERVAL_MINUTES: z.coerce.number().positive().max(1440).default(60),
    /**
     * How often each node re-checks the credentials of its open realtime sockets (a session that
     * expired or was deleted by the CLI, a link replaced): the backstop of the immediate disconnects.
     */
    REALTIME_RECHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    COOKIE_SECURE: bool.optional(),
    /** How long after the appointment a join link stays valid. */
    JOIN_LINK_TTL_HOURS: z.coerce.number().positive().default(24),
    /** How long a staff invitation or password-reset link works. */
    PASSWORD_LINK_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(72),
    MEDIA_TOKEN_PRIVATE_KEY: z.string().optional(),
    MEDIA_TOKEN_PRIVATE_KEY_FILE: z.string().optional(),
    /**
     * Master key of the health data at rest (32 bytes, hex or base64): it wraps each practice's keys and
     * never goes into the database. The start command generates one in DATA_DIR/keys.
     */
    VISITE_MASTER_KEY: z.string().optional(),
    VISITE_MASTER_KEY_FILE: z.string().optional(),
    /** The previous master key during a rotation (keys it wrapped are re-wrapped under the new one). */
    VISITE_MASTER_KEY_PREVIOUS: z.string().optional(),
    VISITE_MASTER_KEY_PREVIOUS_FILE: z.string().optional(),
    /** At most the SFU's SFU_MAX_TOKEN_LIFETIME_SECONDS (600 by default): the SFU refuses longer tokens. */
    MEDIA_TOKEN_TTL_SECONDS: z.coerce.number().int().min(10).max(600).default(120),
    /** SFU origin as browsers reach it. */
    SFU_PUBLIC_URL: z.url().default('http://localhost:3100'),
    /** SFU origin as this server reaches it (control calls); defaults to SFU_PUBLIC_URL. */
    SFU_CONTROL_URL: z.url().optional(),
    /** Comma-separated TURN URLs (turn:host:3478?transport=udp,turns:host:443?transport=tcp). */
    TURN_URLS: z.string().optional(),
    /** coturn `static-auth-secret`: short-lived TURN credentials are derived from it. */
    TURN_SECRET: z.string().optional(),
    /** Lifetime of the TURN credentials handed out with each media access (coturn REST scheme). */
    TURN_CREDENTIAL_TTL_SECONDS: z.coerce.number().int().min(60).max(7 * 24 * 3600).default(4 * 3600),
    /** `relay`: browsers send media only through TURN (networks that block direct media); needs TURN_URLS. */
    ICE_TRANSPORT_POLICY: z.enum(['all', 'relay']).default('all'),
    /** Built web client to serve on /, if present. */
    WEB_DIST_DIR: z.string().optional(),
    /** Create the demo practice users at boot (embedded default). */
    SEED_DEMO: bool.default(false),
    /** Minutes assumed per consultation when a doctor has none finished today (waiting estimates). */
    /** IANA time zone of the practice: "today" and join windows are computed in it. */
    PRACTICE_TIME_ZONE: z.string().default('Europe/Paris'),
    DEFAULT_CONSULTATION_MINUTES: z.coerce.number().int().min(1).max(120).default(15),
    /**
     * AES-256 key (32 bytes, base64) for what the server keeps encrypted: the patient's join token for
     * later messages, rendered messages. The start command generates one in DATA_DIR/keys.
     */
    /** Mail server as a URL (smtp://user:pass@host:587, smtps://host:465); or the SMTP_HOST... variables. */
    SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://').optional(),
    SMTP_HOST: z.string().optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
    SMTP_SECURE: bool.optional(),
    SMTP_USER: z.string().optional(),
    SMTP_PASSWORD: z.string().optional(),
    /** Sender address of the practice's e-mails (the display name is the practice's name). */
    MAIL_FROM: z.email().optional(),
    /**
     * MSSanté relay (the practice's accredited operator's SMTP submission server), for visit reports to
     * regular doctors (docs/report.md): a URL, or the MSSANTE_SMTP_HOST... variables; MSSANTE_FROM is the
     * practice's (or doctor's) MSSanté mailbox the reports are sent from.
     */
    MSSANTE_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'MSSANTE_SMTP_URL must start with smtp:// or smtps://').optional(),
    MSSANTE_SMTP_HOST: z.string().optional(),
    MSSANTE_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    MSSANTE_SMTP_SECURE: bool.optional(),
    MSSANTE_SMTP_USER: z.string().optional(),
    MSSANTE_SMTP_PASSWORD: z.string().optional(),
    MSSANTE_FROM: z.email().optional(),
    /** `log` (default: a line in the server log, the message kept in the outbox) or `webhook`. */
    SMS_PROVIDER: z.enum(['log', 'webhook']).default('log'),
    /** The webhook SMS provider POSTs JSON here, signed with SMS_WEBHOOK_SECRET. */
    SMS_WEBHOOK_URL: z.url().optional(),
    SMS_WEBHOOK_SECRET: z.string().min(16, 'SMS_WEBHOOK_SECRET must be at least 16 characters').optional(),
    /** Sender name or number passed to the SMS gateway. */
    SMS_SENDER: z.string().max(20).optional(),
    /** Whether this node sends the outbox's messages (every node may; they never send one twice). */
    OUTBOX_WORKER: bool.default(true),
    OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
    /** How long a node holds a message it is sending before another node may take it over. */
    OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(3).max(3600).default(120),
    /** First retry delay; each further one is four times longer (capped at 6 hours). */
    OUTBOX_RETRY_BASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
    /** Sign-in attempts a minute for one account (whatever the password), before 429 RATE_LIMITED. */
    RATE_LIMIT_LOGIN_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(10),
    /** Sign-in attempts a minute from one address (the people of a practice behind one router). */
    RATE_LIMIT_LOGIN_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(30),
    /** Join-link requests a minute from one address (a patient's page makes a few per visit). */
    RATE_LIMIT_JOIN_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(120),
    /** Realtime connections a minute opened with one join link. */
    RATE_LIMIT_JOIN_HANDSHAKES_PER_LINK: z.coerce.number().int().min(1).max(10_000).default(30),
    /** Date-of-birth checks per join link in 15 minutes. */
    RATE_LIMIT_BIRTH_DATE_PER_LINK: z.coerce.number().int().min(1).max(1000).default(5),
    /** Realtime events one connection may send at once, and a second afterwards. */
    RATE_LIMIT_SOCKET_BURST: z.coerce.number().int().min(1).max(10_000).default(20),
    RATE_LIMIT_SOCKET_PER_SECOND: z.coerce.number().positive().max(10_000).default(5),
    /** Origins whose pages may open the realtime channel (comma-separated); default: PUBLIC_URL's. */
    ALLOWED_ORIGINS: z.string().optional(),
    /** Prefix of the rate-limit keys in Redis (several installs on one Redis). */
    RATE_LIMIT_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/).default('visite:rl'),
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.DATABASE_URL, {
    message: 'production needs DATABASE_URL (the embedded database is for one machine and development)',
    path: ['DATABASE_URL'],
  })
  .refine((env) => env.VISITE_MASTER_KEY || env.VISITE_MASTER_KEY_FILE, {
    message: 'set VISITE_MASTER_KEY (32 bytes, hex or base64) or VISITE_MASTER_KEY_FILE: it protects the patients’ data at rest (generate one with: openssl rand -base64 32)',
    path: ['VISITE_MASTER_KEY'],
  })
  .refine((env) => !(env.SMTP_URL && env.SMTP_HOST), { message: 'set SMTP_URL or SMTP_HOST, not both', path: ['SMTP_HOST'] })
  .refine((env) => !(env.MSSANTE_SMTP_URL && env.MSSANTE_SMTP_HOST), { message: 'set MSSANTE_SMTP_URL or MSSANTE_SMTP_HOST, not both', path: ['MSSANTE_SMTP_HOST'] })
  .refine((env) => !(env.MSSANTE_SMTP_URL || env.MSSANTE_SMTP_HOST) || env.MSSANTE_FROM, {
    message: 'an MSSanté relay needs MSSANTE_FROM (the MSSanté mailbox reports are sent from)',
    path: ['MSSANTE_FROM'],
  })
  .refine((env) => env.SMS_PROVIDER !== 'webhook' || (env.SMS_WEBHOOK_URL && env.SMS_WEBHOOK_SECRET), {
    message: 'SMS_PROVIDER=webhook needs SMS_WEBHOOK_URL and SMS_WEBHOOK_SECRET',
    path: ['SMS_WEBHOOK_URL'],
  })
  .refine((env) => env.MEDIA_TOKEN_PRIVATE_KEY || env.MEDIA_TOKEN_PRIVATE_KEY_FILE, {
    message: 'set MEDIA_TOKEN_PRIVATE_KEY (PEM, Ed25519 PKCS#8) or MEDIA_TOKEN_PRIVATE_KEY_FILE',
    path: ['MEDIA_TOKEN_PRIVATE_KEY'],
  })
  .refine((env) => !(env.TURN_URLS && !env.TURN_SECRET) && !(env.TURN_SECRET && !env.TURN_URLS), {
    message: 'set TURN_URLS and TURN_SECRET together (coturn use-auth-secret / static-auth-secret)',
    path: ['TURN_URLS'],
  })
  .refine((env) => env.ICE_TRANSPORT_POLICY !== 'relay' || (env.TURN_URLS && env.TURN_SECRET), {
    message: 'ICE_TRANSPORT_POLICY=relay needs a TURN server (TURN_URLS and TURN_SECRET)',
    path: ['ICE_TRANSPORT_POLICY'],
  });

export type Env = z.infer<typeof envSchema>;
