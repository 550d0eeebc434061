import type { AppConfig } from '../../config/app-config';

/**
 * The limits Visite applies, by name (docs/security.md "Rate limits"). A policy counts hits of one
 * tracker (an account, an address, a join link) in a fixed window; the hit after `limit` is refused
 * with 429 `RATE_LIMITED` and the tracker stays blocked for `blockMs`. With `growing`, each further
 * block of the same tracker within an hour doubles that delay, up to `maxBlockMs`.
 */
export type RateLimitPolicyName = 'login-account' | 'login-address' | 'link-resolution' | 'join-handshake' | 'birth-date';

export interface RateLimitPolicy {
  limit: number;
  windowMs: number;
  blockMs: number;
  growing: boolean;
  maxBlockMs: number;
}

export type RateLimitPolicies = Record<RateLimitPolicyName, RateLimitPolicy>;

const MINUTE = 60_000;

/** The policies of a configuration (the counts are settings; windows and delays are fixed here). */
export function ratePolicies(config: AppConfig['rateLimits']): RateLimitPolicies {
  return {
    // 10 attempts a minute for one account (any password), then a minute, 2, 4 ... 15 minutes.
    'login-account': { limit: config.loginPerAccount, windowMs: MINUTE, blockMs: MINUTE, growing: true, maxBlockMs: 15 * MINUTE },
    // One address (a practice behind one router signs in several people) tries more accounts.
    'login-address': { limit: config.loginPerAddress, windowMs: MINUTE, blockMs: MINUTE, growing: true, maxBlockMs: 15 * MINUTE },
    // Resolving a public link (a join link, a set-password link) from one address: guessing tokens. A patient's page needs a few requests per visit.
    'link-resolution': { limit: config.joinPerAddress, windowMs: MINUTE, blockMs: MINUTE, growing: false, maxBlockMs: MINUTE },
    // Realtime connections opened with one link (a page reconnecting is one every few seconds at most).
    'join-handshake': { limit: config.joinHandshakesPerLink, windowMs: MINUTE, blockMs: MINUTE, growing: false, maxBlockMs: MINUTE },
    // The patient's date-of-birth check, per link: 5 tries in 15 minutes, then 15 minutes, 30 ... 4 hours.
    'birth-date': { limit: config.birthDatePerLink, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE, growing: true, maxBlockMs: 240 * MINUTE },
  };
}

/** How long a tracker blocked for the `strikes`-th time in the hour stays blocked (strikes from 1). */
export function blockDurationMs(policy: RateLimitPolicy, strikes: number): number {
  if (!policy.growing || strikes <= 1) return policy.blockMs;
  return Math.min(policy.maxBlockMs, policy.blockMs * 2 ** Math.min(strikes - 1, 20));
}

/** Strikes (blocks) are remembered this long: after an hour without a block, the delay is back to its base. */
export const STRIKE_MEMORY_MS = 60 * MINUTE;
