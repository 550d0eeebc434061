import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { PracticeEntity } from '../practice/practice.entity';
import type { VisitTypeKind } from '@visite/contracts';
import { BaseEntity } from '../../database/base.entity';

/** A kind of appointment and how long it lasts: a doctor's own, or the whole practice's (doctor_id null). */
@Entity('visit_types')
@Check('ck_visit_types_duration', `"duration_minutes" BETWEEN 5 AND 240`)
@Index('ix_visit_types_practice', ['practiceId', 'doctorId'])
export class VisitTypeEntity extends BaseEntity {
  @Column({ name: 'practice_id', type: 'uuid' })
  practiceId: string;

  @ManyToOne(() => PracticeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'fk_visit_types_practice' })
  practice?: PracticeEntity;

  @Column({ name: 'doctor_id', type: 'uuid', nullable: true })
  doctorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'doctor_id', foreignKeyConstraintName: 'fk_visit_types_doctor' })
  doctor?: UserEntity;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ type: 'varchar', length: 12 })
  kind: VisitTypeKind;

  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes: number;

  @Column({ name: 'public_booking', type: 'boolean', default: true })
  publicBooking: boolean;

  /** Removed types stay for the visits booked with them. */
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}
