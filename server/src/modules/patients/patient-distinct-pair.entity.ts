import { Check, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Column } from 'typeorm';
import { PatientEntity } from './patient.entity';

/** Two patient records staff said are different people: never flagged as likely duplicates again. */
@Entity('patient_distinct_pairs')
@Check('ck_patient_distinct_pairs_order', `"patient_a" < "patient_b"`)
export class PatientDistinctPairEntity {
  @PrimaryColumn({ name: 'patient_a', type: 'uuid' })
  patientA: string;

  @PrimaryColumn({ name: 'patient_b', type: 'uuid' })
  patientB: string;

  @ManyToOne(() => PatientEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'patient_a', foreignKeyConstraintName: 'fk_patient_distinct_pairs_a' })
  a: PatientEntity;

  @ManyToOne(() => PatientEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'patient_b', foreignKeyConstraintName: 'fk_patient_distinct_pairs_b' })
  b: PatientEntity;

  @Index('ix_patient_distinct_pairs_practice')
  @Column({ name: 'practice_id', type: 'uuid' })
  practiceId: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
