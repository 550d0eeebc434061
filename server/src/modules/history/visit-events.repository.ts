import { Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';
import { Db } from '../../database/db';
import { VisitEventEntity } from './visit-event.entity';

/** Queries of `visit_events`; inside a service's `db.transaction`, every one joins it. */
@Injectable()
export class VisitEventsRepository {
  constructor(private readonly db: Db) {}

  private get repo(): Repository<VisitEventEntity> {
    return this.db.repo(VisitEventEntity);
  }

  newRow(row: Omit<VisitEventEntity, 'id' | 'createdAt' | 'assignId' | 'visit' | 'noteEnc'>): VisitEventEntity {
    const entity = this.repo.create({ ...row, noteEnc: null });
    entity.assignId();
    return entity;
  }

  async insert(row: VisitEventEntity): Promise<void> {
    await this.repo.insert(row);
  }

  /** A visit's events, oldest first, with the display name of the staff member who acted. */
  async forVisit(visitId: string): Promise<(VisitEventEntity & { actorName: string | null })[]> {
    const rows = await this.repo
      .createQueryBuilder('e')
      .leftJoin('users', 'u', `e.actor_type = 'user' AND u.id = e.actor_id`)
      .addSelect('u.display_name', 'actor_name')
      .where('e.visit_id = :visitId', { visitId })
      .orderBy('e.created_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getRawAndEntities();
    return rows.entities.map((entity, i) => Object.assign(entity, { actorName: (rows.raw[i] as { actor_name: string | null }).actor_name ?? null }));
  }

  /** Kinds recorded for a visit (tests and idempotent recorders). */
  async kinds(visitId: string): Promise<string[]> {
    return (await this.forVisit(visitId)).map((e) => e.kind);
  }
}
