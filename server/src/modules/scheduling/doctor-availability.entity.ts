import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { WeeklyRangeInput } from '@visite/contracts';
import { UserEntity } from '../auth/user.entity';
import { PracticeEntity } from '../practice/practice.entity';

/** A doctor's weekly opening hours and booking rules (one row per doctor; none yet: closed). */
@Entity('doctor_availability')
export class DoctorAvailabilityEntity {
  @PrimaryColumn({ name: 'doctor_id', type: 'uuid' })
  doctorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'doctor_id', foreignKeyConstraintName: 'fk_doctor_availability_doctor' })
  doctor?: UserEntity;

  @Column({ name: 'practice_id', type: 'uuid' })
  practiceId: string;

  @ManyToOne(() => PracticeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'fk_doctor_availability_practice' })
  practice?: PracticeEntity;

  /** The doctor's own IANA zone; null: the practice's. */
  @Column({ name: 'time_zone', type: 'varchar', length: 64, nullable: true })
  timeZone: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  weekly: WeeklyRangeInput[];

  @Column({ name: 'horizon_days', type: 'integer' })
  horizonDays: number;

  @Column({ name: 'min_notice_minutes', type: 'integer' })
  minNoticeMinutes: number;

  @Column({ name: 'public_booking', type: 'boolean', default: true })
  publicBooking: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
