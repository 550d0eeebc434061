import { Injectable } from '@nestjs/common';
import type { VisitStatus } from '@visite/contracts';
import { Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { VisitEntity } from './visit.entity';
import { Db } from '../../database/db';

const WITH_PEOPLE = { doctor: true, patient: true } as const;

@Injectable()
export class VisitsRepository {
  constructor(private readonly db: Db) {}

  private get repo(): Repository<VisitEntity> {
    return this.db.repo(VisitEntity);
  }

  async create(visit: Partial<VisitEntity>): Promise<string> {
    return (await this.repo.save(this.repo.create(visit))).id;
  }

  findById(id: string): Promise<VisitEntity | null> {
    return this.repo.findOne({ where: { id }, relations: WITH_PEOPLE });
  }

  findByJoinTokenHash(joinTokenHash: string): Promise<VisitEntity | null> {
    return this.repo.findOne({ where: { joinTokenHash }, relations: WITH_PEOPLE });
  }

  /** The links still open among `tokenHashes` (the visit not closed): the realtime sweep. */
  async openJoinTokenHashes(tokenHashes: readonly string[]): Promise<Set<string>> {
    if (tokenHashes.length === 0) return new Set();
    const rows = await this.repo
      .createQueryBuilder('v')
      .select('v.join_token_hash', 'hash')
      .where('v.join_token_hash IN (:...tokenHashes)', { tokenHashes })
      .andWhere(`v.status NOT IN ('completed', 'cancelled')`)
      .getRawMany<{ hash: string }>();
    return new Set(rows.map((r) => r.hash));
  }

  /** A doctor's visits scheduled in [from, to), plus any still waiting or in progress. */
  forDoctorDay(doctorId: string, from: Date, to: Date): Promise<VisitEntity[]> {
    return this.repo
      .createQueryBuilder('v')
      .innerJoinAndSelect('v.patient', 'patient')
      .innerJoinAndSelect('v.doctor', 'doctor')
      .where('v.doctor_id = :doctorId', { doctorId })
      .andWhere(`((v.scheduled_at >= :from AND v.scheduled_at < :to) OR v.status IN ('waiting', 'in_progress'))`, { from, to })
      .orderBy('v.scheduled_at', 'ASC')
      .addOrderBy('v.created_at', 'ASC')
      .getMany();
  }

  /**
   * Moves a visit from one of `from` to a new state in one conditional UPDATE, so two concurrent
   * requests (two clicks on "admit", a doctor and a patient hanging up together) cannot both win.
   * Returns false when the visit was not in one of `from`.
   */
  async transition(id: string, from: readonly VisitStatus[], patch: QueryDeepPartialEntity<VisitEntity>): Promise<boolean> {
    const result = await this.repo
      .createQueryBuilder()
      .update(VisitEntity)
      .set(patch)
      .where('id = :id AND status IN (:...from)', { id, from })
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length === 1;
  }

  async recordModality(id: string, patch: Pick<VisitEntity, 'modality' | 'modalitySource' | 'modalityReason'> & Partial<Pick<VisitEntity, 'mediaSummary'>>): Promise<void> {
    await this.repo.update({ id }, patch);
  }

  async setJoinToken(id: string, joinTokenHash: string, joinExpiresAt: Date): Promise<void> {
    await this.repo.update({ id }, { joinTokenHash, joinExpiresAt });
  }

  /** Mean minutes of the doctor's consultations finished since `since`, or null if none. */
  async meanDurationMinutes(doctorId: string, since: Date): Promise<number | null> {
    const row = await this.repo
      .createQueryBuilder('v')
      .select('AVG(EXTRACT(EPOCH FROM (v.ended_at - v.started_at))) / 60', 'minutes')
      .where('v.doctor_id = :doctorId AND v.status = :status AND v.ended_at >= :since AND v.started_at IS NOT NULL', { doctorId, status: 'completed', since })
      .getRawOne<{ minutes: string | number | null }>();
    return row?.minutes == null ? null : Number(row.minutes);
  }
}
