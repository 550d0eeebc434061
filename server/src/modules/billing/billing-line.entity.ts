import { Check, Column, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import type { BillingLineInput, BillingLineState, RuleResult } from '@visite/contracts';
import { BaseEntity } from '../../database/base.entity';
import { PracticeEntity } from '../practice/practice.entity';
import { UserEntity } from '../auth/user.entity';
import { PatientEntity } from '../patients/patient.entity';
import { VisitEntity } from '../visits/visit.entity';
import { BillingBatchEntity } from './billing-batch.entity';

/**
 * One billed line: the frozen input the rules read (practitioner, patient identity, visit facts, coding),
 * their results and the line's state. Once in a batch a database trigger allows only voiding it.
 */
@Entity('billing_lines')
@Check('ck_billing_lines_state', `"state" IN ('blocked', 'to_review', 'ready', 'exported', 'voided')`)
@Check('ck_billing_lines_exported_has_batch', `"state" <> 'exported' OR "batch_id" IS NOT NULL`)
@Index('uq_billing_lines_open_visit', ['visitId'], { unique: true, where: `"state" <> 'voided'` })
@Index('ix_billing_lines_state_date', ['state', 'dateOfService', 'id'])
@Index('ix_billing_lines_doctor_date', ['doctorId', 'dateOfService'])
@Index('ix_billing_lines_batch', ['batchId', 'id'])
@Index('ix_billing_lines_practice_date', ['practiceId', 'dateOfService'])
export class BillingLineEntity extends BaseEntity {
  /** The practice the row belongs to: every query is scoped by it. */
  @Column({ name: 'practice_id', type: 'uuid' })
  practiceId: string;

  @ManyToOne(() => PracticeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'fk_billing_lines_practice' })
  practice: PracticeEntity;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'visit_id', type: 'uuid' })
  visitId: string;

  @ManyToOne(() => VisitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'visit_id', foreignKeyConstraintName: 'fk_billing_lines_visit' })
  visit: VisitEntity;

  @Index('ix_billing_lines_patient')
  @Column({ name: 'patient_id', type: 'uuid' })
  patientId: string;

  @ManyToOne(() => PatientEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'patient_id', foreignKeyConstraintName: 'fk_billing_lines_patient' })
  patient: PatientEntity;

  @Column({ name: 'doctor_id', type: 'uuid' })
  doctorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'doctor_id', foreignKeyConstraintName: 'fk_billing_lines_doctor' })
  doctor: UserEntity;

  @Column({ name: 'date_of_service', type: 'date' })
  dateOfService: string;

  @Column({ type: 'varchar', length: 10 })
  state: BillingLineState;

  @Column({ type: 'varchar', length: 8 })
  code: string;

  @Column({ name: 'total_cents', type: 'integer' })
  totalCents: number;

  @Column({ type: 'jsonb' })
  input: BillingLineInput;

  @Column({ type: 'jsonb' })
  results: RuleResult[];

  /** F7: a teleconsultation that counts toward the doctor's yearly share. */
  @Column({ name: 'counts_toward_share', type: 'boolean' })
  countsTowardShare: boolean;

  /** F13: the requesting doctor of a TE2 line. */
  @Column({ name: 'te2_requester_rpps', type: 'varchar', length: 11, nullable: true })
  te2RequesterRpps: string | null;

  @Column({ name: 'warnings_ack_by', type: 'uuid', nullable: true })
  warningsAckBy: string | null;

  @Column({ name: 'warnings_ack_at', type: 'timestamptz', nullable: true })
  warningsAckAt: Date | null;

  @Column({ name: 'fee_table_version', type: 'varchar', length: 30 })
  feeTableVersion: string;

  @Column({ name: 'rules_version', type: 'varchar', length: 30 })
  rulesVersion: string;

  @Column({ name: 'batch_id', type: 'uuid', nullable: true })
  batchId: string | null;

  @ManyToOne(() => BillingBatchEntity, { onDelete: 'RESTRICT', deferrable: 'INITIALLY DEFERRED' })
  @JoinColumn({ name: 'batch_id', foreignKeyConstraintName: 'fk_billing_lines_batch' })
  batch: BillingBatchEntity | null;

  @Column({ name: 'replaces_line_id', type: 'uuid', nullable: true })
  replacesLineId: string | null;

  @ManyToOne(() => BillingLineEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'replaces_line_id', foreignKeyConstraintName: 'fk_billing_lines_replaces' })
  replaces: BillingLineEntity | null;

  @Column({ name: 'voided_at', type: 'timestamptz', nullable: true })
  voidedAt: Date | null;

  @Column({ name: 'voided_by', type: 'uuid', nullable: true })
  voidedBy: string | null;

  @Column({ name: 'void_reason', type: 'varchar', length: 500, nullable: true })
  voidReason: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;
}
