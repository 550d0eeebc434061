import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Application log levels; the worker's own level is derived from it (see `workerLogLevel`). */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The SFU's whole configuration, parsed once at boot. Nothing else reads the environment. */
export interface SfuConfig {
  /** HTTP + socket.io port (0: any free port). */
  port: number;
  host: string;
  numWorkers: number;
  /** IP the WebRtcServers listen on. */
  listenIp: string;
  /** IP or host name browsers reach for media (ICE candidates). */
  announcedAddress: string;
  /** Worker i's WebRtcServer listens (UDP and TCP) on webRtcPort + i; 0 picks free ports. */
  webRtcPort: number;
  logLevel: LogLevel;
  /** PEM (SPKI) of the Ed25519 key that signs media and control tokens. */
  mediaTokenPublicKey: string;
  /** Path of the mediasoup-worker binary; undefined keeps mediasoup's default. */
  workerBin: string | undefined;
  /** socket.io CORS origin: '*' or a list. Tokens are bearer tokens, no cookies are used. */
  corsOrigin: string | string[];
  /** How often every producer's counters are sampled into the media ledger (billing: audio vs video). */
  mediaSampleIntervalMs: number;
  /**
   * Longest lifetime (exp - iat) of a media or control token the SFU accepts; a longer one is refused
   * however well signed. Closed rooms are remembered this long (plus the clock skew).
   */
  maxTokenLifetimeSeconds: number;
  /** Clock difference tolerated between the server that signs tokens and this SFU. */
  tokenClockSkewSeconds: number;
  /**
   * Benchmark only: accept bench tokens (audience BENCH_TOKEN_AUDIENCE, which the server never signs) and
   * let their sockets open plain SRTP transports. Off unless SFU_BENCH_PLAIN_TRANSPORTS=true.
   */
  benchPlainTransports: boolean;
}

const port = z.coerce.number().int().min(0).max(65535);

const envSchema = z
  .object({
    SFU_PORT: port.default(3100),
    SFU_HOST: z.string().min(1).default('0.0.0.0'),
    SFU_NUM_WORKERS: z.coerce.number().int().min(1).max(128).default(1),
    SFU_LISTEN_IP: z.string().min(1).default('0.0.0.0'),
    SFU_ANNOUNCED_ADDRESS: z.string().min(1).default('127.0.0.1'),
    SFU_WEBRTC_PORT: port.default(44444),
    SFU_LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    MEDIA_TOKEN_PUBLIC_KEY: z.string().min(1).optional(),
    MEDIA_TOKEN_PUBLIC_KEY_FILE: z.string().min(1).optional(),
    MEDIASOUP_WORKER_BIN: z.string().min(1).optional(),
    SFU_CORS_ORIGIN: z.string().min(1).default('*'),
    SFU_MEDIA_SAMPLE_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
    SFU_BENCH_PLAIN_TRANSPORTS: z.enum(['true', 'false']).default('false'),
    SFU_MAX_TOKEN_LIFETIME_SECONDS: z.coerce.number().int().min(10).max(3600).default(600),
    SFU_TOKEN_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  })
  .refine((env) => env.MEDIA_TOKEN_PUBLIC_KEY !== undefined || env.MEDIA_TOKEN_PUBLIC_KEY_FILE !== undefined, {
    message: 'set MEDIA_TOKEN_PUBLIC_KEY (PEM) or MEDIA_TOKEN_PUBLIC_KEY_FILE (path to the PEM)',
    path: ['MEDIA_TOKEN_PUBLIC_KEY'],
  });

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses the environment (empty values count as unset) into the typed config; throws ConfigError. */
export function loadConfig(env: Record<string, string | undefined> = process.env): SfuConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(defined);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'env'}: ${issue.message}`);
    throw new ConfigError(`invalid SFU configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.SFU_PORT,
    host: e.SFU_HOST,
    numWorkers: e.SFU_NUM_WORKERS,
    listenIp: e.SFU_LISTEN_IP,
    announcedAddress: e.SFU_ANNOUNCED_ADDRESS,
    webRtcPort: e.SFU_WEBRTC_PORT,
    logLevel: e.SFU_LOG_LEVEL,
    mediaTokenPublicKey: e.MEDIA_TOKEN_PUBLIC_KEY ?? readKeyFile(e.MEDIA_TOKEN_PUBLIC_KEY_FILE as string),
    workerBin: e.MEDIASOUP_WORKER_BIN,
    corsOrigin: e.SFU_CORS_ORIGIN === '*' ? '*' : e.SFU_CORS_ORIGIN.split(',').map((origin) => origin.trim()),
    mediaSampleIntervalMs: e.SFU_MEDIA_SAMPLE_INTERVAL_MS,
    maxTokenLifetimeSeconds: e.SFU_MAX_TOKEN_LIFETIME_SECONDS,
    tokenClockSkewSeconds: e.SFU_TOKEN_CLOCK_SKEW_SECONDS,
    benchPlainTransports: e.SFU_BENCH_PLAIN_TRANSPORTS === 'true',
  };
}

function readKeyFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`MEDIA_TOKEN_PUBLIC_KEY_FILE: cannot read ${path}: ${(err as Error).message}`);
  }
}
