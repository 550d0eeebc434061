import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Repository } from 'typeorm';
import { Db } from '../../database/db';
import { ConsentEntity } from './consent.entity';

export type NewConsent = Omit<ConsentEntity, 'id' | 'createdAt' | 'practice' | 'visit' | 'text' | 'recorder' | 'supersedes' | 'assignId'>;

/** Consent answers: appended only (the database refuses UPDATE and DELETE). */
@Injectable()
export class ConsentsRepository {
  constructor(private readonly db: Db) {}

  private get repo(): Repository<ConsentEntity> {
    return this.db.repo(ConsentEntity);
  }

  async add(consent: NewConsent): Promise<void> {
    await this.repo.createQueryBuilder().insert().values({ id: randomUUID(), ...consent }).execute();
  }

  /** The answers in force of these visits: the rows no later row supersedes (one per participant and kind). */
  inForce(visitIds: readonly string[]): Promise<ConsentEntity[]> {
    if (visitIds.length === 0) return Promise.resolve([]);
    return this.repo
      .createQueryBuilder('c')
      .where('c.visit_id IN (:...visitIds)', { visitIds })
      .andWhere('NOT EXISTS (SELECT 1 FROM consents n WHERE n.supersedes_id = c.id)')
      .orderBy('c.created_at', 'ASC')
      .getMany();
  }

  /** Every answer of a visit, oldest first (the visit's consent history). */
  history(visitId: string): Promise<ConsentEntity[]> {
    return this.repo.find({ where: { visitId }, order: { createdAt: 'ASC' } });
  }
}
