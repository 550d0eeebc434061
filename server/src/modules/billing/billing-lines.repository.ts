import { Injectable } from '@nestjs/common';
import type { BillingLineState } from '@visite/contracts';
import { Repository, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { ExportLine } from './export/export-line';
import { BillingLineEntity } from './billing-line.entity';
import { Db } from '../../database/db';

export interface LinesFilter {
  practiceId: string;
  from?: string;
  to?: string;
  doctorId?: string;
  state?: BillingLineState;
}

/** Keyset position in the list, which is ordered by date of service (newest first) then id. */
export interface LinesCursor {
  dateOfService: string;
  id: string;
}

export interface BatchScope {
  practiceId: string;
  from: string;
  to: string;
  doctorId: string | null;
}

interface ExportRow {
  id: string;
  batch_id: string;
  visit_id: string;
  patient_id: string;
  doctor_id: string;
  input: ExportLine['input'];
  results: ExportLine['results'];
  total_cents: number;
  fee_table_version: string;
  rules_version: string;
  replaces_line_id: string | null;
}

/** Billed lines: queries only. */
@Injectable()
export class BillingLinesRepository {
  constructor(private readonly db: Db) {}

  private get repo(): Repository<BillingLineEntity> {
    return this.db.repo(BillingLineEntity);
  }

  findById(id: string): Promise<BillingLineEntity | null> {
    return this.repo.findOne({ where: { id }, relations: { doctor: true } });
  }

  findOpenByVisit(visitId: string): Promise<BillingLineEntity | null> {
    return this.repo.createQueryBuilder('l').innerJoinAndSelect('l.doctor', 'doctor').where(`l.visit_id = :visitId AND l.state <> 'voided'`, { visitId }).getOne();
  }

  /** Lines not yet exported nor voided: those a correction of the patient or the visit re-evaluates. */
  findEditableBy(column: 'patient_id' | 'visit_id' | 'doctor_id', id: string): Promise<BillingLineEntity[]> {
    return this.repo
      .createQueryBuilder('l')
      .innerJoinAndSelect('l.doctor', 'doctor')
      .where(`l.${column} = :id AND l.batch_id IS NULL AND l.state <> 'voided'`, { id })
      .orderBy('l.dateOfService', 'DESC')
      .getMany();
  }

  async insert(line: Partial<BillingLineEntity>): Promise<string> {
    return (await this.repo.save(this.repo.create(line))).id;
  }

  /** Changes a line only while it is neither exported nor voided (one conditional UPDATE). */
  async updateEditable(id: string, patch: QueryDeepPartialEntity<BillingLineEntity>): Promise<boolean> {
    const result = await this.db.manager
      .createQueryBuilder()
      .update(BillingLineEntity)
      .set(patch)
      .where(`id = :id AND batch_id IS NULL AND state <> 'voided'`, { id })
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length === 1;
  }

  /** Voids a line that is not voided yet (exported or not). */
  async void(id: string, by: string, reason: string): Promise<boolean> {
    const result = await this.repo
      .createQueryBuilder()
      .update(BillingLineEntity)
      .set({ state: 'voided', voidedAt: new Date(), voidedBy: by, voidReason: reason })
      .where(`id = :id AND state <> 'voided'`, { id })
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length === 1;
  }

  async isReplaced(id: string): Promise<boolean> {
    return (await this.repo.count({ where: { replacesLineId: id } })) > 0;
  }

  list(filter: LinesFilter, after: LinesCursor | null, limit: number): Promise<BillingLineEntity[]> {
    const qb = this.filtered(filter).innerJoinAndSelect('l.doctor', 'doctor');
    if (filter.state) qb.andWhere('l.state = :state', { state: filter.state });
    if (after) qb.andWhere('(l.date_of_service, l.id) < (:afterDate, :afterId)', { afterDate: after.dateOfService, afterId: after.id });
    // Many-to-one join only (one doctor per line): a plain LIMIT is exact.
    return qb.orderBy('l.dateOfService', 'DESC').addOrderBy('l.id', 'DESC').limit(limit).getMany();
  }

  async countByState(filter: LinesFilter): Promise<Record<string, number>> {
    const rows = await this.filtered(filter).select('l.state', 'state').addSelect('COUNT(*)', 'n').groupBy('l.state').getRawMany<{ state: string; n: string }>();
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  }

  /** F7: the doctor's lines of the year that count toward the teleconsultation share, other visits only. */
  countShare(doctorId: string, year: number, exceptVisitId: string | null): Promise<number> {
    const qb = this.repo
      .createQueryBuilder('l')
      .where(`l.doctor_id = :doctorId AND l.counts_toward_share AND l.state <> 'voided'`, { doctorId })
      .andWhere('l.date_of_service >= :start AND l.date_of_service <= :end', { start: `${year}-01-01`, end: `${year}-12-31` });
    if (exceptVisitId) qb.andWhere('l.visit_id <> :exceptVisitId', { exceptVisitId });
    return qb.getCount();
  }

  /** F13: TE2 lines of the year for this patient and requesting doctor, other visits only. */
  countTe2(patientId: string, requesterRpps: string, year: number, exceptVisitId: string): Promise<number> {
    return this.repo
      .createQueryBuilder('l')
      .where(`l.patient_id = :patientId AND l.code = 'TE2' AND l.te2_requester_rpps = :requesterRpps AND l.state <> 'voided'`, { patientId, requesterRpps })
      .andWhere('l.date_of_service >= :start AND l.date_of_service <= :end', { start: `${year}-01-01`, end: `${year}-12-31` })
      .andWhere('l.visit_id <> :exceptVisitId', { exceptVisitId })
      .getCount();
  }

  /**
   * Moves every ready line of the scope into the batch, in one UPDATE inside the batch's transaction.
   * Row locks make concurrent batches disjoint: a second UPDATE waits for the first to commit, then
   * re-checks `batch_id IS NULL` on the rows it waited for and skips those already taken.
   */
  async assignReady(batchId: string, scope: BatchScope): Promise<{ count: number; totalCents: number }> {
    const params: unknown[] = [batchId, scope.from, scope.to, scope.practiceId];
    let doctorClause = '';
    if (scope.doctorId) {
      params.push(scope.doctorId);
      doctorClause = 'AND doctor_id = $5';
    }
    const rows: { n: string; total: string | null }[] = await this.db.manager.query(
      `WITH moved AS (
         UPDATE billing_lines SET batch_id = $1, state = 'exported', updated_at = now()
         WHERE state = 'ready' AND batch_id IS NULL AND date_of_service BETWEEN $2 AND $3 AND practice_id = $4 ${doctorClause}
         RETURNING total_cents)
       SELECT COUNT(*) AS n, SUM(total_cents) AS total FROM moved`,
      params,
    );
    return { count: Number(rows[0]?.n ?? 0), totalCents: Number(rows[0]?.total ?? 0) };
  }

  /** One page of a batch's lines in export order (by id), read raw: no entity hydration on the export path. */
  async batchPage(batchId: string, afterId: string | null, limit: number): Promise<ExportLine[]> {
    const rows: ExportRow[] = await this.db.manager.query(
      `SELECT id, batch_id, visit_id, patient_id, doctor_id, input, results, total_cents, fee_table_version, rules_version, replaces_line_id
       FROM billing_lines WHERE batch_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
      [batchId, afterId ?? '00000000-0000-0000-0000-000000000000', limit],
    );
    return rows.map((r) => ({
      id: r.id,
      batchId: r.batch_id,
      visitId: r.visit_id,
      patientId: r.patient_id,
      doctorId: r.doctor_id,
      input: typeof r.input === 'string' ? JSON.parse(r.input) : r.input,
      results: typeof r.results === 'string' ? JSON.parse(r.results) : r.results,
      totalCents: Number(r.total_cents),
      feeTableVersion: r.fee_table_version,
      rulesVersion: r.rules_version,
      replacesLineId: r.replaces_line_id,
    }));
  }

  private filtered(filter: LinesFilter): SelectQueryBuilder<BillingLineEntity> {
    const qb = this.repo.createQueryBuilder('l').where('l.practice_id = :practiceId', { practiceId: filter.practiceId });
    if (filter.from) qb.andWhere('l.date_of_service >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('l.date_of_service <= :to', { to: filter.to });
    if (filter.doctorId) qb.andWhere('l.doctor_id = :doctorId', { doctorId: filter.doctorId });
    return qb;
  }
}
