import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { SessionsRepository } from './sessions.repository';

/**
 * Deletes expired sessions at boot and every SESSION_PURGE_INTERVAL_MINUTES. The DELETE is idempotent,
 * so several API nodes may each run it: no lock is needed, the second one finds nothing.
 */
@Injectable()
export class SessionPurgeService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SessionPurgeService.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly sessions: SessionsRepository,
  ) {}

  onApplicationBootstrap(): void {
    void this.purge();
    this.timer = setInterval(() => void this.purge(), this.config.sessionPurgeIntervalMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Deletes the sessions expired by `now`; how many. Never throws (logged; the next run retries). */
  async purge(now = new Date()): Promise<number> {
    try {
      const purged = await this.sessions.deleteExpired(now);
      if (purged) this.logger.log(`purged ${purged} expired session(s)`);
      return purged;
    } catch (error) {
      this.logger.warn(`could not purge expired sessions: ${(error as Error).message}`);
      return 0;
    }
  }
}
