import { Injectable } from '@nestjs/common';
import type { DuplicateReason } from '@visite/contracts';
import { Brackets, In, Repository } from 'typeorm';
import { Db } from '../../database/db';
import { PatientDistinctPairEntity } from './patient-distinct-pair.entity';
import { PatientEntity } from './patient.entity';

export interface SearchHashes {
  p3: string[];
  dob: string[];
  phone: string[];
}

/** Patient rows: queries only (the rows hold ciphertexts and blind indexes; PatientVault opens them). */
@Injectable()
export class PatientsRepository {
  constructor(private readonly db: Db) {}

  private get repo(): Repository<PatientEntity> {
    return this.db.repo(PatientEntity);
  }

  async insert(row: Partial<PatientEntity> & { id: string; practiceId: string }): Promise<void> {
    await this.repo.insert(row);
  }

  findById(id: string): Promise<PatientEntity | null> {
    return this.repo.findOneBy({ id });
  }

  async update(id: string, patch: Partial<PatientEntity>): Promise<void> {
    await this.repo.update({ id }, patch);
  }

  /** Candidates of a search: any row sharing one of the hashes (the service then filters on clear values). */
  candidates(practiceId: string, hashes: SearchHashes, limit: number): Promise<PatientEntity[]> {
    const qb = this.repo.createQueryBuilder('p').where('p.practice_id = :practiceId', { practiceId });
    qb.andWhere(
      new Brackets((w) => {
        w.where('1 = 0');
        if (hashes.p3.length) w.orWhere('(p.bidx_last_p3 IN (:...p3) OR p.bidx_first_p3 IN (:...p3) OR p.bidx_birth_p3 IN (:...p3))', { p3: hashes.p3 });
        if (hashes.dob.length) w.orWhere('p.bidx_dob IN (:...dob)', { dob: hashes.dob });
        if (hashes.phone.length) w.orWhere('p.bidx_phone IN (:...phone)', { phone: hashes.phone });
      }),
    );
    return qb.orderBy('p.created_at', 'ASC').limit(limit).getMany();
  }

  /** Records with the same first name, last name and date of birth: the same person typed again. */
  exactMatches(practiceId: string, h: { first: string; last: string; dob: string }): Promise<PatientEntity[]> {
    return this.repo.find({ where: { practiceId, bidxFirst: h.first, bidxLast: h.last, bidxDob: h.dob }, order: { createdAt: 'ASC' } });
  }

  /**
   * Likely duplicates of one record, from blind indexes only: same date of birth and the same last or
   * birth name (either way round), or the same phone and first name; minus pairs marked distinct.
   */
  async duplicatesOf(p: PatientEntity): Promise<{ row: PatientEntity; reason: DuplicateReason }[]> {
    const rows: { id: string; reason: DuplicateReason }[] = await this.db.manager.query(
      `SELECT o.id, CASE WHEN o.bidx_dob = $3 AND (o.bidx_last IN ($4, $5) OR o.bidx_birth IN ($4, $5)) THEN 'name_and_birth_date' ELSE 'phone_and_first_name' END AS reason
       FROM patients o
       WHERE o.practice_id = $1 AND o.id <> $2
         AND ((o.bidx_dob = $3 AND (o.bidx_last IN ($4, $5) OR o.bidx_birth IN ($4, $5))) OR (o.bidx_phone = $6 AND o.bidx_first = $7))
         AND NOT EXISTS (SELECT 1 FROM patient_distinct_pairs d WHERE d.patient_a = LEAST(o.id, $2::uuid) AND d.patient_b = GREATEST(o.id, $2::uuid))
       ORDER BY o.created_at LIMIT 20`,
      [p.practiceId, p.id, p.bidxDob, p.bidxLast, p.bidxBirth ?? p.bidxLast, p.bidxPhone ?? '', p.bidxFirst],
    );
    const byId = new Map((await this.byIds(rows.map((r) => r.id))).map((e) => [e.id, e]));
    return rows.map((r) => ({ row: byId.get(r.id)!, reason: r.reason })).filter((r) => r.row);
  }

  /** How many likely duplicates each of these records has. */
  async duplicateCounts(practiceId: string, ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; n: number }[] = await this.db.manager.query(
      `SELECT p.id, COUNT(o.id)::int AS n FROM patients p
       JOIN patients o ON o.practice_id = p.practice_id AND o.id <> p.id
         AND ((o.bidx_dob = p.bidx_dob AND (o.bidx_last IN (p.bidx_last, COALESCE(p.bidx_birth, p.bidx_last)) OR o.bidx_birth IN (p.bidx_last, COALESCE(p.bidx_birth, p.bidx_last))))
              OR (o.bidx_phone = p.bidx_phone AND o.bidx_first = p.bidx_first))
         AND NOT EXISTS (SELECT 1 FROM patient_distinct_pairs d WHERE d.patient_a = LEAST(o.id, p.id) AND d.patient_b = GREATEST(o.id, p.id))
       WHERE p.practice_id = $1 AND p.id = ANY($2::uuid[]) GROUP BY p.id`,
      [practiceId, ids],
    );
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  /** Every likely duplicate pair of the practice (for the staff's review list). */
  async duplicatePairs(practiceId: string, limit: number): Promise<{ a: string; b: string; reason: DuplicateReason }[]> {
    return this.db.manager.query(
      `SELECT p.id AS a, o.id AS b,
              CASE WHEN o.bidx_dob = p.bidx_dob AND (o.bidx_last IN (p.bidx_last, COALESCE(p.bidx_birth, p.bidx_last)) OR o.bidx_birth IN (p.bidx_last, COALESCE(p.bidx_birth, p.bidx_last)))
                   THEN 'name_and_birth_date' ELSE 'phone_and_first_name' END AS reason
       FROM patients p JOIN patients o ON o.practice_id = p.practice_id AND p.id < o.id
         AND ((o.bidx_dob = p.bidx_dob AND (o.bidx_last IN (p.bidx_last, COALESCE(p.bidx_birth, p.bidx_last)) OR o.bidx_birth IN (p.bidx_last, COALESCE(p.bidx_birth, p.bidx_last))))
              OR (o.bidx_phone = p.bidx_phone AND o.bidx_first = p.bidx_first))
       WHERE p.practice_id = $1
         AND NOT EXISTS (SELECT 1 FROM patient_distinct_pairs d WHERE d.patient_a = p.id AND d.patient_b = o.id)
       ORDER BY p.created_at LIMIT $2`,
      [practiceId, limit],
    );
  }

  byIds(ids: string[]): Promise<PatientEntity[]> {
    return ids.length ? this.repo.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  async markDistinct(practiceId: string, x: string, y: string, by: string): Promise<void> {
    const [a, b] = x < y ? [x, y] : [y, x];
    await this.db.repo(PatientDistinctPairEntity).createQueryBuilder().insert().values({ patientA: a, patientB: b, practiceId, createdBy: by }).orIgnore().execute();
  }

  /** Rows written before encryption (clear values): the boot step encrypts them. */
  async clearRows(limit: number): Promise<Record<string, unknown>[]> {
    return this.db.manager.query(
      `SELECT id, practice_id, first_name, last_name, birth_date, phone, email, ins, insured_nir, regular_doctor_rpps, birth_name
       FROM patients WHERE first_name NOT LIKE 'enc1:%' ORDER BY id LIMIT $1`,
      [limit],
    );
  }
}
