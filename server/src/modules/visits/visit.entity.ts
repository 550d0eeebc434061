import { Check, Column, Entity, Exclusion, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Modality, RoomMediaSummary, VisitEndedBy, VisitStatus } from '@visite/contracts';
import { BaseEntity } from '../../database/base.entity';
import { PracticeEntity } from '../practice/practice.entity';
import { UserEntity } from '../auth/user.entity';
import { PatientEntity } from '../patients/patient.entity';
import { VisitTypeEntity } from '../scheduling/visit-type.entity';

@Entity('visits')
@Index('ix_visits_doctor_scheduled', ['doctorId', 'scheduledAt'])
@Check('ck_visits_ends_after_start', `"ends_at" IS NULL OR "ends_at" > "scheduled_at"`)
// Never two booked visits of a doctor in overlapping ranges (migration 1764600000000, docs/scheduling.md).
@Exclusion('ex_visits_doctor_slot', `USING gist ("doctor_id" WITH =, tstzrange("scheduled_at", "ends_at", '[)') WITH &&) WHERE ("ends_at" IS NOT NULL AND "status" <> 'cancelled')`)
export class VisitEntity extends BaseEntity {
  /** The practice the row belongs to: every query is scoped by it. */
  @Index('ix_visits_practice')
  @Column({ name: 'practice_id', type: 'uuid' })
  practiceId: string;

  @ManyToOne(() => PracticeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'fk_visits_practice' })
  practice: PracticeEntity;

  @Column({ name: 'doctor_id', type: 'uuid' })
  doctorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'doctor_id', foreignKeyConstraintName: 'fk_visits_doctor' })
  doctor: UserEntity;

  @Column({ name: 'patient_id', type: 'uuid' })
  patientId: string;

  @ManyToOne(() => PatientEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'patient_id', foreignKeyConstraintName: 'fk_visits_patient' })
  patient: PatientEntity;

  @Column({ type: 'varchar', length: 20 })
  status: VisitStatus;

  @Column({ name: 'scheduled_at', type: 'timestamptz' })
  scheduledAt: Date;

  /** SHA-256 of the patient's join token; the token itself is only in the link. */
  @Index('uq_visits_join_token_hash', { unique: true })
  @Column({ name: 'join_token_hash', type: 'char', length: 64 })
  joinTokenHash: string;

  @Column({ name: 'join_expires_at', type: 'timestamptz' })
  joinExpiresAt: Date;

  @Column({ name: 'waiting_since', type: 'timestamptz', nullable: true })
  waitingSince: Date | null;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ name: 'ended_by', type: 'varchar', length: 10, nullable: true })
  endedBy: VisitEndedBy | null;

  /** How the visit really happened: from what the SFU carried, or recorded by a biller with a reason. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  modality: Modality | null;

  @Column({ name: 'modality_source', type: 'varchar', length: 10, nullable: true })
  modalitySource: 'sfu' | 'biller' | null;

  @Column({ name: 'modality_reason', type: 'varchar', length: 500, nullable: true })
  modalityReason: string | null;

  /** Packets and bytes the SFU received from each side, as it answered when the room was closed. */
  @Column({ name: 'media_summary', type: 'jsonb', nullable: true })
  mediaSummary: RoomMediaSummary | null;

  /** End of a booked slot (null: a visit "now", not booked in a slot). Two booked visits of a doctor never overlap (ex_visits_doctor_slot). */
  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true })
  endsAt: Date | null;

  @Column({ name: 'visit_type_id', type: 'uuid', nullable: true })
  visitTypeId: string | null;

  @ManyToOne(() => VisitTypeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'visit_type_id', foreignKeyConstraintName: 'fk_visits_visit_type' })
  visitType?: VisitTypeEntity;
}
