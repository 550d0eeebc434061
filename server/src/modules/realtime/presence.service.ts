import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from '../redis/redis.module';

const HEARTBEAT_MS = 15_000;
const STALE_MS = 45_000;

/**
 * Which patients are connected right now (waiting room or consultation), across every API node.
 * With Redis: one sorted set per visit, members are connections, scores their last heartbeat, so a
 * node that dies stops counting after STALE_MS. Without Redis: an in-process map (single node).
 */
@Injectable()
export class PresenceService implements OnModuleDestroy {
  private readonly local = new Map<string, Set<string>>();
  private readonly timer: NodeJS.Timeout | null;

  constructor(@Inject(REDIS) private readonly redis: Redis | null) {
    this.timer = redis ? setInterval(() => void this.heartbeat(), HEARTBEAT_MS) : null;
    this.timer?.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async add(visitId: string, connectionId: string): Promise<void> {
    let set = this.local.get(visitId);
    if (!set) this.local.set(visitId, (set = new Set()));
    set.add(connectionId);
    if (this.redis) await this.redis.zadd(key(visitId), Date.now(), connectionId);
  }

  async remove(visitId: string, connectionId: string): Promise<void> {
    const set = this.local.get(visitId);
    set?.delete(connectionId);
    if (set?.size === 0) this.local.delete(visitId);
    if (this.redis) await this.redis.zrem(key(visitId), connectionId);
  }

  async onlineVisitIds(visitIds: readonly string[]): Promise<Set<string>> {
    if (!this.redis) return new Set(visitIds.filter((id) => this.local.has(id)));
    if (visitIds.length === 0) return new Set();
    const since = Date.now() - STALE_MS;
    const pipeline = this.redis.pipeline();
    for (const id of visitIds) pipeline.zcount(key(id), since, '+inf');
    const counts = (await pipeline.exec()) ?? [];
    return new Set(visitIds.filter((_, i) => Number(counts[i]?.[1] ?? 0) > 0));
  }

  private async heartbeat(): Promise<void> {
    if (!this.redis || this.local.size === 0) return;
    const now = Date.now();
    const pipeline = this.redis.pipeline();
    for (const [visitId, connections] of this.local) {
      for (const c of connections) pipeline.zadd(key(visitId), now, c);
      pipeline.zremrangebyscore(key(visitId), '-inf', now - STALE_MS);
      pipeline.pexpire(key(visitId), STALE_MS * 2);
    }
    await pipeline.exec().catch(() => undefined);
  }
}

function key(visitId: string): string {
  return `visite:presence:${visitId}`;
}
