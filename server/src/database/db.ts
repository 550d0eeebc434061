import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';

/**
 * The database as repositories see it: the manager of the transaction in progress, if a service
 * opened one, else the data source's. A service wraps a change and its audit row in one
 * `db.transaction(...)`; every repository call inside it (and `AuditService.record`) joins that
 * transaction without a manager being passed around.
 */
@Injectable()
export class Db {
  private readonly current = new AsyncLocalStorage<EntityManager>();

  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.open() ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return this.open() !== undefined;
  }

  /**
   * The transaction's manager while it is open. Work started inside a transaction but still running
   * after it ended (a fire-and-forget publication) carries the finished store: it uses the pool.
   */
  private open(): EntityManager | undefined {
    const manager = this.current.getStore();
    return manager && !manager.queryRunner?.isReleased ? manager : undefined;
  }

  repo<E extends ObjectLiteral>(entity: EntityTarget<E>): Repository<E> {
    return this.manager.getRepository(entity);
  }

  /** Runs `work` in a transaction, or inside the one already in progress. Rolled back if it throws. */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    return this.dataSource.transaction((manager) => this.current.run(manager, work));
  }
}
