import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ConsentKind, ConsentTextContent } from '@visite/contracts';
import { Repository } from 'typeorm';
import { Db } from '../../database/db';
import { ConsentTextEntity } from './consent-text.entity';

/** The versions of each practice's consent texts (rows are only ever added). */
@Injectable()
export class ConsentTextsRepository {
  constructor(private readonly db: Db) {}

  private get repo(): Repository<ConsentTextEntity> {
    return this.db.repo(ConsentTextEntity);
  }

  /** The latest version of each kind the practice has. */
  async current(practiceId: string): Promise<ConsentTextEntity[]> {
    return this.repo
      .createQueryBuilder('t')
      .distinctOn(['t.kind'])
      .where('t.practice_id = :practiceId', { practiceId })
      .orderBy('t.kind')
      .addOrderBy('t.version', 'DESC')
      .getMany();
  }

  all(practiceId: string): Promise<ConsentTextEntity[]> {
    return this.repo.find({ where: { practiceId }, order: { kind: 'ASC', version: 'DESC' } });
  }

  findByIds(ids: string[]): Promise<ConsentTextEntity[]> {
    return ids.length ? this.repo.createQueryBuilder('t').where('t.id IN (:...ids)', { ids }).getMany() : Promise.resolve([]);
  }

  /**
   * Adds `version` of a kind; false when that version already exists (another writer got there first:
   * the unique index on practice, kind and version decides).
   */
  async add(row: { practiceId: string; kind: ConsentKind; version: number; content: ConsentTextContent; createdBy: string | null }): Promise<ConsentTextEntity | null> {
    const id = randomUUID();
    const inserted = await this.repo
      .createQueryBuilder()
      .insert()
      .values({ id, ...row })
      .orIgnore()
      .returning(['id'])
      .execute();
    if ((inserted.raw as unknown[]).length === 0) return null;
    return this.repo.findOneByOrFail({ id });
  }
}
