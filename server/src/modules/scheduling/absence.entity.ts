import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { PracticeEntity } from '../practice/practice.entity';
import { BaseEntity } from '../../database/base.entity';

/**
 * A doctor away (leave, training, a break on one day) or the practice closed (doctor_id null: a public
 * holiday), in the wall clock of the doctor's zone: from start_date at start_time (null: midnight) to
 * end_date at end_time (null: the end of the day).
 */
@Entity('absences')
@Check('ck_absences_dates', `"end_date" >= "start_date"`)
@Index('ix_absences_practice', ['practiceId', 'endDate'])
export class AbsenceEntity extends BaseEntity {
  @Column({ name: 'practice_id', type: 'uuid' })
  practiceId: string;

  @ManyToOne(() => PracticeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'fk_absences_practice' })
  practice?: PracticeEntity;

  @Column({ name: 'doctor_id', type: 'uuid', nullable: true })
  doctorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'doctor_id', foreignKeyConstraintName: 'fk_absences_doctor' })
  doctor?: UserEntity;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  @Column({ name: 'start_time', type: 'varchar', length: 5, nullable: true })
  startTime: string | null;

  @Column({ name: 'end_time', type: 'varchar', length: 5, nullable: true })
  endTime: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  label: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;
}
