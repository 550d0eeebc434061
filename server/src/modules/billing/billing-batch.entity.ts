import { Column, Entity, Generated, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../database/base.entity';
import { PracticeEntity } from '../practice/practice.entity';
import { UserEntity } from '../auth/user.entity';

/** An export batch: immutable (a database trigger refuses any UPDATE or DELETE). */
@Entity('billing_batches')
export class BillingBatchEntity extends BaseEntity {
  /** The practice the row belongs to: every query is scoped by it. */
  @Index('ix_billing_batches_practice')
  @Column({ name: 'practice_id', type: 'uuid' })
  practiceId: string;

  @ManyToOne(() => PracticeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'fk_billing_batches_practice' })
  practice: PracticeEntity;

  @Index('uq_billing_batches_number', { unique: true })
  @Column({ type: 'integer' })
  @Generated('increment')
  number: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_billing_batches_created_by' })
  creator: UserEntity;

  @Column({ name: 'period_from', type: 'date' })
  periodFrom: string;

  @Column({ name: 'period_to', type: 'date' })
  periodTo: string;

  @Column({ name: 'doctor_id', type: 'uuid', nullable: true })
  doctorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'doctor_id', foreignKeyConstraintName: 'fk_billing_batches_doctor' })
  doctor: UserEntity | null;

  @Column({ name: 'line_count', type: 'integer' })
  lineCount: number;

  /** bigint: the driver returns a string; the repository converts. */
  @Column({ name: 'total_cents', type: 'bigint' })
  totalCents: string;

  @Column({ name: 'content_hash', type: 'char', length: 64 })
  contentHash: string;
}
