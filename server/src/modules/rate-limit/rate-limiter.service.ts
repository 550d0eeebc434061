import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { type ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import type Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { REDIS } from '../redis/redis.module';
import { RateLimitedException } from './rate-limit.exception';
import { blockDurationMs, type RateLimitPolicies, type RateLimitPolicyName, ratePolicies, STRIKE_MEMORY_MS } from './rate-limit.policies';

/** How many times a tracker was blocked in the last hour (what makes the delay grow). */
interface StrikeStore {
  count(key: string): Promise<number>;
  /** Counts a block once, however many refused hits it has (`blockMs`: how long it still lasts). */
  recordBlock(key: string, blockMs: number): Promise<void>;
}

const RECORD_BLOCK = `
if redis.call('SET', KEYS[1], '1', 'PX', ARGV[1], 'NX') then
  redis.call('INCR', KEYS[2])
  redis.call('PEXPIRE', KEYS[2], ARGV[2])
end
return 0`;

class RedisStrikes implements StrikeStore {
  constructor(private readonly redis: Redis) {}
  async count(key: string): Promise<number> {
    return Number(await this.redis.get(`{${key}}:strikes`)) || 0;
  }
  async recordBlock(key: string, blockMs: number): Promise<void> {
    await this.redis.eval(RECORD_BLOCK, 2, `{${key}}:episode`, `{${key}}:strikes`, Math.max(1, blockMs), STRIKE_MEMORY_MS);
  }
}

class MemoryStrikes implements StrikeStore {
  private readonly strikes = new Map<string, { count: number; expiresAt: number; episodeEndsAt: number }>();
  async count(key: string): Promise<number> {
    const entry = this.strikes.get(key);
    return entry && entry.expiresAt > Date.now() ? entry.count : 0;
  }
  async recordBlock(key: string, blockMs: number): Promise<void> {
    const now = Date.now();
    const entry = this.strikes.get(key);
    if (entry && entry.episodeEndsAt > now) return;
    if (this.strikes.size > 100_000) for (const [k, e] of this.strikes) if (e.expiresAt <= now) this.strikes.delete(k);
    const count = entry && entry.expiresAt > now ? entry.count + 1 : 1;
    this.strikes.set(key, { count, expiresAt: now + STRIKE_MEMORY_MS, episodeEndsAt: now + blockMs });
  }
}

/**
 * The one rate limiter (HTTP guard, realtime handshakes): @nestjs/throttler's storage, in Redis when
 * REDIS_URL is set (every node counts together), in this process otherwise. Trackers are hashed
 * before they are stored (an e-mail address or a join token never sits in Redis).
 */
@Injectable()
export class RateLimiter implements OnApplicationShutdown {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly storage: ThrottlerStorage;
  private readonly strikes: StrikeStore;
  readonly policies: RateLimitPolicies;

  constructor(
    config: AppConfig,
    @Inject(REDIS) redis: Redis | null,
  ) {
    this.policies = ratePolicies(config.rateLimits);
    this.prefix = config.rateLimits.keyPrefix;
    this.storage = redis ? new ThrottlerStorageRedisService(redis) : new ThrottlerStorageService();
    this.strikes = redis ? new RedisStrikes(redis) : new MemoryStrikes();
  }

  private readonly prefix: string;

  /**
   * Counts one hit of `tracker` under a policy; throws RateLimitedException (429 `RATE_LIMITED`, with
   * when to retry) when it is over the limit or still blocked. When the store cannot be reached the
   * hit is let through and logged: a Redis outage must not lock every user out.
   */
  async consume(name: RateLimitPolicyName, tracker: string): Promise<void> {
    const policy = this.policies[name];
    const key = `${this.prefix}:${name}:${createHash('sha256').update(tracker).digest('base64url')}`;
    let result;
    try {
      const strikes = await this.strikes.count(key);
      result = await this.storage.increment(key, policy.windowMs, policy.limit, blockDurationMs(policy, strikes + 1), name);
      if (result.isBlocked) await this.strikes.recordBlock(key, result.timeToBlockExpire * 1000);
    } catch (error) {
      this.logger.warn(`rate limit ${name} not checked: ${(error as Error).message}`);
      return;
    }
    if (result.isBlocked) throw new RateLimitedException(Math.max(1, result.timeToBlockExpire));
  }

  onApplicationShutdown(): void {
    (this.storage as Partial<OnApplicationShutdown>).onApplicationShutdown?.();
  }
}
