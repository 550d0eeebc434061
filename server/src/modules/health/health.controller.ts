import { Controller, Inject, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { healthRoutes, type HealthReady } from '@visite/contracts';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Endpoint } from '../../common/http/endpoint.decorator';
import { REDIS } from '../redis/redis.module';

@Controller()
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  /** The process is up. */
  @Endpoint(healthRoutes.live)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** The database answers, the schema is current, and Redis (if configured) answers. */
  @Endpoint(healthRoutes.ready)
  async ready(): Promise<HealthReady> {
    const checks = await Promise.allSettled([
      this.dataSource.query('SELECT 1'),
      this.dataSource.showMigrations().then((pending) => (pending ? Promise.reject(new Error('migrations pending')) : 'ok')),
      this.redis ? this.redis.ping() : Promise.resolve('not-configured'),
    ]);
    const failed = checks.map((c, i) => (c.status === 'rejected' ? ['database', 'migrations', 'redis'][i] : null)).filter(Boolean);
    if (failed.length) throw new ServiceUnavailableException(`not ready: ${failed.join(', ')}`);
    return { status: 'ok', database: 'ok', redis: this.redis ? 'ok' : 'not-configured' };
  }
}
