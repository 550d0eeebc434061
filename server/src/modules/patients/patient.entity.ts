import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { IdentityStatus, InsOid, Language, PatientBilling } from '@visite/contracts';
import { BaseEntity } from '../../database/base.entity';
import { PracticeEntity } from '../practice/practice.entity';

/**
 * A patient of a practice, as stored. Identity, contact and insurance identifiers are `enc1:`
 * ciphertexts (the `...Enc` fields): read and write them only through `PatientVault`, which also keeps
 * the blind indexes (`bidx...`) the directory searches on.
 */
@Entity('patients')
@Index('ix_patients_bidx_dob', ['practiceId', 'bidxDob'])
@Index('ix_patients_bidx_phone', ['practiceId', 'bidxPhone'])
@Index('ix_patients_bidx_last', ['practiceId', 'bidxLast'])
@Index('ix_patients_bidx_first_p3', ['practiceId', 'bidxFirstP3'])
@Index('ix_patients_bidx_last_p3', ['practiceId', 'bidxLastP3'])
@Index('ix_patients_bidx_birth_p3', ['practiceId', 'bidxBirthP3'])
export class PatientEntity extends BaseEntity {
  /** The practice the row belongs to: every query is scoped by it. */
  @Index('ix_patients_practice')
  @Column({ name: 'practice_id', type: 'uuid' })
  practiceId: string;

  @ManyToOne(() => PracticeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'fk_patients_practice' })
  practice: PracticeEntity;

  @Column({ name: 'first_name', type: 'text' })
  firstNameEnc: string;

  @Column({ name: 'last_name', type: 'text' })
  lastNameEnc: string;

  /** Nom de naissance, when it differs from the name in use. */
  @Column({ name: 'birth_name', type: 'text', nullable: true })
  birthNameEnc: string | null;

  @Column({ name: 'birth_date', type: 'text' })
  birthDateEnc: string;

  @Column({ name: 'phone', type: 'text', nullable: true })
  phoneEnc: string | null;

  @Column({ name: 'email', type: 'text', nullable: true })
  emailEnc: string | null;

  /** Language of the patient's messages and pages. */
  @Column({ name: 'preferred_language', type: 'varchar', length: 2, default: 'fr' })
  preferredLanguage: Language;

  // Billing identity (see packages/contracts/src/billing/types.ts). The INS is the patient's own identity;
  // the claim uses the insured person's NIR with the beneficiary's rank and date of birth.
  @Column({ type: 'varchar', length: 7, default: 'unknown' })
  sex: PatientBilling['sex'];

  @Column({ name: 'ins', type: 'text', nullable: true })
  insEnc: string | null;

  @Column({ name: 'ins_oid', type: 'varchar', length: 30, nullable: true })
  insOid: InsOid | null;

  @Column({ name: 'identity_status', type: 'varchar', length: 5, default: 'PROV' })
  identityStatus: IdentityStatus;

  @Column({ name: 'insured_nir', type: 'text', nullable: true })
  insuredNirEnc: string | null;

  @Column({ name: 'beneficiary_rank', type: 'smallint', default: 1 })
  beneficiaryRank: number;

  /** Who the patient's regular doctor is tells about their care: encrypted too. */
  @Column({ name: 'regular_doctor_rpps', type: 'text', nullable: true })
  regularDoctorRppsEnc: string | null;

  /** The regular doctor's MSSanté mailbox, where visit reports are sent (encrypted). */
  @Column({ name: 'regular_doctor_mssante', type: 'text', nullable: true })
  regularDoctorMssanteEnc: string | null;

  // Blind indexes: keyed hashes (per-practice key) of normalised values, for equality search.
  @Column({ name: 'bidx_first', type: 'char', length: 32, nullable: true })
  bidxFirst: string | null;

  @Column({ name: 'bidx_last', type: 'char', length: 32, nullable: true })
  bidxLast: string | null;

  @Column({ name: 'bidx_birth', type: 'char', length: 32, nullable: true })
  bidxBirth: string | null;

  @Column({ name: 'bidx_dob', type: 'char', length: 32, nullable: true })
  bidxDob: string | null;

  @Column({ name: 'bidx_phone', type: 'char', length: 32, nullable: true })
  bidxPhone: string | null;

  @Column({ name: 'bidx_first_p3', type: 'char', length: 32, nullable: true })
  bidxFirstP3: string | null;

  @Column({ name: 'bidx_last_p3', type: 'char', length: 32, nullable: true })
  bidxLastP3: string | null;

  @Column({ name: 'bidx_birth_p3', type: 'char', length: 32, nullable: true })
  bidxBirthP3: string | null;
}
