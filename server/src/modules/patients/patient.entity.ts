import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { IdentityStatus, InsOid, PatientBilling } from '@visite/contracts';
import { BaseEntity } from '../../database/base.entity';
import { PracticeEntity } from '../practice/practice.entity';

@Entity('patients')
export class PatientEntity extends BaseEntity {
  /** The practice the row belongs to: every query is scoped by it. */
  @Index('ix_patients_practice')
  @Column({ name: 'practice_id', type: 'uuid' })
  practiceId: string;

  @ManyToOne(() => PracticeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'fk_patients_practice' })
  practice: PracticeEntity;

  @Column({ name: 'first_name', type: 'varchar', length: 100 })
  firstName: string;

  @Column({ name: 'last_name', type: 'varchar', length: 100 })
  lastName: string;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  // Billing identity (see packages/contracts/src/billing/types.ts). The INS is the patient's own identity;
  // the claim uses the insured person's NIR with the beneficiary's rank and date of birth.
  @Column({ type: 'varchar', length: 7, default: 'unknown' })
  sex: PatientBilling['sex'];

  @Column({ type: 'varchar', length: 15, nullable: true })
  ins: string | null;

  @Column({ name: 'ins_oid', type: 'varchar', length: 30, nullable: true })
  insOid: InsOid | null;

  @Column({ name: 'identity_status', type: 'varchar', length: 5, default: 'PROV' })
  identityStatus: IdentityStatus;

  @Column({ name: 'insured_nir', type: 'varchar', length: 15, nullable: true })
  insuredNir: string | null;

  @Column({ name: 'beneficiary_rank', type: 'smallint', default: 1 })
  beneficiaryRank: number;

  @Column({ name: 'regular_doctor_rpps', type: 'varchar', length: 11, nullable: true })
  regularDoctorRpps: string | null;
}
