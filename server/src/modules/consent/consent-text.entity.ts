import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { ConsentKind, ConsentTextContent } from '@visite/contracts';
import { BaseEntity } from '../../database/base.entity';
import { UserEntity } from '../auth/user.entity';
import { PracticeEntity } from '../practice/practice.entity';

/**
 * One version of a practice's consent text of one kind, French and English together. Append-only (a
 * trigger refuses UPDATE and DELETE): editing a text writes the next version; the consents given keep
 * pointing at the version their participant read.
 */
@Entity('consent_texts')
@Index('ux_consent_texts_version', ['practiceId', 'kind', 'version'], { unique: true })
@Check('CHK_consent_texts_kind', `"kind" IN ('teleconsultation', 'health_data', 'third_party_present')`)
@Check('CHK_consent_texts_version', `"version" >= 1`)
export class ConsentTextEntity extends BaseEntity {
  @Column({ name: 'practice_id', type: 'uuid' })
  practiceId: string;

  @ManyToOne(() => PracticeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'fk_consent_texts_practice' })
  practice?: PracticeEntity;

  @Column({ type: 'varchar', length: 30 })
  kind: ConsentKind;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'jsonb' })
  content: ConsentTextContent;

  /** The admin who wrote it; null for Visite's default text. */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_consent_texts_created_by' })
  author?: UserEntity | null;
}
