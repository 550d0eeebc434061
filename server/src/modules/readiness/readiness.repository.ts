import { Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';
import { Db } from '../../database/db';
import { VisitEntity } from '../visits/visit.entity';
import { ReadinessCheckEntity } from './readiness-check.entity';

@Injectable()
export class ReadinessRepository {
  constructor(private readonly db: Db) {}

  private get repo(): Repository<ReadinessCheckEntity> {
    return this.db.repo(ReadinessCheckEntity);
  }

  async add(check: Omit<ReadinessCheckEntity, 'id' | 'createdAt' | 'assignId' | 'practice' | 'visit'>): Promise<ReadinessCheckEntity> {
    return this.repo.save(this.repo.create(check));
  }

  latest(visitId: string): Promise<ReadinessCheckEntity | null> {
    return this.repo.findOne({ where: { visitId }, order: { createdAt: 'DESC' } });
  }

  /** The latest check of each of these visits. */
  async latestOf(visitIds: readonly string[]): Promise<Map<string, ReadinessCheckEntity>> {
    if (visitIds.length === 0) return new Map();
    const rows = await this.repo
      .createQueryBuilder('c')
      .distinctOn(['c.visit_id'])
      .where('c.visit_id IN (:...visitIds)', { visitIds })
      .orderBy('c.visit_id')
      .addOrderBy('c.created_at', 'DESC')
      .getMany();
    return new Map(rows.map((row) => [row.visitId, row]));
  }

  /** A doctor's visits scheduled in [from, to), with their patients, in time order. */
  scheduledBetween(doctorId: string, from: Date, to: Date): Promise<VisitEntity[]> {
    return this.db
      .repo(VisitEntity)
      .createQueryBuilder('v')
      .innerJoinAndSelect('v.patient', 'patient')
      .where('v.doctor_id = :doctorId', { doctorId })
      .andWhere('v.scheduled_at >= :from AND v.scheduled_at < :to', { from, to })
      .orderBy('v.scheduled_at', 'ASC')
      .addOrderBy('v.created_at', 'ASC')
      .getMany();
  }
}
