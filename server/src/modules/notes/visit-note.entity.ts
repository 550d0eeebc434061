import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { PracticeEntity } from '../practice/practice.entity';
import { VisitEntity } from '../visits/visit.entity';

/**
 * A visit's clinical notes: one row per visit, the text encrypted with the practice's data key (bound to
 * this row), and a version that every save raises by one (conflict-safe autosave).
 */
@Entity('visit_notes')
@Check('ck_visit_notes_version', '"version" >= 1')
export class VisitNoteEntity {
  @PrimaryColumn({ name: 'visit_id', type: 'uuid' })
  visitId: string;

  @ManyToOne(() => VisitEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'visit_id', foreignKeyConstraintName: 'fk_visit_notes_visit' })
  visit: VisitEntity;

  @Column({ name: 'practice_id', type: 'uuid' })
  practiceId: string;

  @ManyToOne(() => PracticeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'fk_visit_notes_practice' })
  practice: PracticeEntity;

  /** `enc1:…` (Keyring, place visit_notes.body:<visit id>); never the clear text. */
  @Column({ name: 'body_enc', type: 'text' })
  bodyEnc: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'uuid' })
  updatedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'fk_visit_notes_updated_by' })
  updatedByUser: UserEntity;
}
