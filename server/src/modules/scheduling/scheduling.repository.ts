import { Injectable } from '@nestjs/common';
import { Brackets, IsNull } from 'typeorm';
import { Db } from '../../database/db';
import { VisitEntity } from '../visits/visit.entity';
import { AbsenceEntity } from './absence.entity';
import { DoctorAvailabilityEntity } from './doctor-availability.entity';
import { VisitBookingEntity } from './visit-booking.entity';
import { VisitTypeEntity } from './visit-type.entity';

/** Queries of availability, visit types, absences and the busy times of a doctor; nothing else. */
@Injectable()
export class SchedulingRepository {
  constructor(private readonly db: Db) {}

  availability(doctorId: string): Promise<DoctorAvailabilityEntity | null> {
    return this.db.repo(DoctorAvailabilityEntity).findOneBy({ doctorId });
  }

  async availabilities(doctorIds: readonly string[]): Promise<DoctorAvailabilityEntity[]> {
    if (!doctorIds.length) return [];
    return this.db.repo(DoctorAvailabilityEntity).createQueryBuilder('a').where('a.doctor_id IN (:...doctorIds)', { doctorIds }).getMany();
  }

  async saveAvailability(row: Omit<DoctorAvailabilityEntity, 'updatedAt'>): Promise<void> {
    await this.db.repo(DoctorAvailabilityEntity).upsert(row, ['doctorId']);
  }

  /** Types offered by a doctor: their own and the practice's, not archived. */
  visitTypesOf(practiceId: string, doctorId: string | null): Promise<VisitTypeEntity[]> {
    const qb = this.db.repo(VisitTypeEntity).createQueryBuilder('t').where('t.practice_id = :practiceId AND t.archived_at IS NULL', { practiceId });
    if (doctorId) qb.andWhere('(t.doctor_id = :doctorId OR t.doctor_id IS NULL)', { doctorId });
    return qb.orderBy('t.doctor_id', 'ASC', 'NULLS FIRST').addOrderBy('t.duration_minutes', 'ASC').addOrderBy('t.name', 'ASC').getMany();
  }

  /** Every live type of the practice (the practice's and all doctors'). */
  allVisitTypes(practiceId: string): Promise<VisitTypeEntity[]> {
    return this.db.repo(VisitTypeEntity).find({ where: { practiceId, archivedAt: IsNull() }, order: { durationMinutes: 'ASC', name: 'ASC' } });
  }

  /** Every type of the practice, archived ones too (the week view names the type of past bookings). */
  allVisitTypesIncludingArchived(practiceId: string): Promise<VisitTypeEntity[]> {
    return this.db.repo(VisitTypeEntity).find({ where: { practiceId } });
  }

  visitType(practiceId: string, id: string): Promise<VisitTypeEntity | null> {
    return this.db.repo(VisitTypeEntity).findOneBy({ practiceId, id });
  }

  async insertVisitType(row: Partial<VisitTypeEntity>): Promise<VisitTypeEntity> {
    const repo = this.db.repo(VisitTypeEntity);
    return repo.save(repo.create(row));
  }

  async updateVisitType(id: string, patch: Partial<Pick<VisitTypeEntity, 'name' | 'kind' | 'durationMinutes' | 'publicBooking' | 'archivedAt'>>): Promise<void> {
    await this.db.repo(VisitTypeEntity).update({ id }, patch);
  }

  /** Absences of the doctor and closures of the practice that end on or after `fromDate` (and start by `toDate`). */
  absencesOf(practiceId: string, doctorId: string, fromDate: string, toDate?: string): Promise<AbsenceEntity[]> {
    const qb = this.db
      .repo(AbsenceEntity)
      .createQueryBuilder('a')
      .where('a.practice_id = :practiceId AND a.end_date >= :fromDate', { practiceId, fromDate })
      .andWhere(new Brackets((w) => w.where('a.doctor_id = :doctorId', { doctorId }).orWhere('a.doctor_id IS NULL')));
    if (toDate) qb.andWhere('a.start_date <= :toDate', { toDate });
    return qb.orderBy('a.start_date', 'ASC').addOrderBy('a.start_time', 'ASC', 'NULLS FIRST').getMany();
  }

  absence(practiceId: string, id: string): Promise<AbsenceEntity | null> {
    return this.db.repo(AbsenceEntity).findOneBy({ practiceId, id });
  }

  async insertAbsence(row: Partial<AbsenceEntity>): Promise<AbsenceEntity> {
    const repo = this.db.repo(AbsenceEntity);
    return repo.save(repo.create(row));
  }

  async deleteAbsence(id: string): Promise<void> {
    await this.db.repo(AbsenceEntity).delete({ id });
  }

  /**
   * The booked ranges of a doctor overlapping [from, to) (not cancelled), as instants: what makes a slot
   * taken. One index range scan (ix_visits_doctor_scheduled), a few hundred rows at most.
   */
  async busy(doctorId: string, from: Date, to: Date, exceptVisitId?: string): Promise<{ start: number; end: number }[]> {
    const rows: { s: Date; e: Date }[] = await this.db.manager.query(
      `SELECT scheduled_at AS s, ends_at AS e FROM visits
        WHERE doctor_id = $1 AND ends_at IS NOT NULL AND status <> 'cancelled' AND scheduled_at < $3 AND ends_at > $2 AND id <> $4`,
      [doctorId, from, to, exceptVisitId ?? '00000000-0000-0000-0000-000000000000'],
    );
    return rows.map((r) => ({ start: new Date(r.s).getTime(), end: new Date(r.e).getTime() }));
  }

  /** A doctor's visits scheduled in [from, to), with their patients, for the week view. */
  schedule(doctorId: string, from: Date, to: Date): Promise<VisitEntity[]> {
    return this.db
      .repo(VisitEntity)
      .createQueryBuilder('v')
      .innerJoinAndSelect('v.patient', 'patient')
      .innerJoinAndSelect('v.doctor', 'doctor')
      .where('v.doctor_id = :doctorId AND v.scheduled_at >= :from AND v.scheduled_at < :to', { doctorId, from, to })
      .orderBy('v.scheduled_at', 'ASC')
      .getMany();
  }

  async bookings(visitIds: readonly string[]): Promise<VisitBookingEntity[]> {
    if (!visitIds.length) return [];
    return this.db.repo(VisitBookingEntity).createQueryBuilder('b').where('b.visit_id IN (:...visitIds)', { visitIds }).getMany();
  }

  booking(visitId: string): Promise<VisitBookingEntity | null> {
    return this.db.repo(VisitBookingEntity).findOneBy({ visitId });
  }

  async insertBooking(row: VisitBookingEntity): Promise<void> {
    await this.db.repo(VisitBookingEntity).insert(row);
  }

  /** Moves a booked visit that is still scheduled; false if it is not (any more). */
  async move(visitId: string, scheduledAt: Date, endsAt: Date, joinExpiresAt: Date): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query(
      `UPDATE visits SET scheduled_at = $2, ends_at = $3, join_expires_at = GREATEST(join_expires_at, $4) WHERE id = $1 AND status = 'scheduled' RETURNING id`,
      [visitId, scheduledAt, endsAt, joinExpiresAt],
    );
    return (Array.isArray(rows[0]) ? (rows[0] as unknown[]) : rows).length === 1;
  }
}
