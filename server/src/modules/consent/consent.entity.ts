import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { ConsentDecision, ConsentKind, ConsentMethod, ConsentParticipant, ConsentWording, Language } from '@visite/contracts';
import { BaseEntity } from '../../database/base.entity';
import { UserEntity } from '../auth/user.entity';
import { PracticeEntity } from '../practice/practice.entity';
import { VisitEntity } from '../visits/visit.entity';
import { ConsentTextEntity } from './consent-text.entity';

/**
 * One answer of one participant of a visit for one kind of consent: given (with the text's version,
 * the language and the wording shown) or withdrawn. Append-only, enforced by a trigger: the latest row
 * of a chain (`supersedes_id`) is what holds; nothing is ever edited or deleted (docs/consent.md).
 */
@Entity('consents')
@Index('ix_consents_visit', ['visitId', 'createdAt'])
@Index('ux_consents_supersedes', ['supersedesId'], { unique: true })
// Only one row starts a chain per visit, participant (guest) and kind: an expression index of the migration.
@Index('ux_consents_chain_start', { synchronize: false })
@Check('CHK_consents_participant', `"participant" IN ('patient', 'guest') AND ("participant" = 'guest') = ("guest_id" IS NOT NULL)`)
@Check('CHK_consents_kind', `"kind" IN ('teleconsultation', 'health_data', 'third_party_present')`)
@Check('CHK_consents_decision', `"decision" IN ('given', 'withdrawn') AND ("decision" = 'withdrawn' OR ("text_id" IS NOT NULL AND "text_version" IS NOT NULL))`)
@Check('CHK_consents_method', `"method" IN ('web_checkbox', 'web_button', 'oral') AND ("method" = 'oral') = ("recorded_by" IS NOT NULL)`)
@Check('CHK_consents_language', `"language" IN ('fr', 'en')`)
@Check('CHK_consents_wording', `"wording" IS NULL OR "wording" IN ('video', 'audio')`)
export class ConsentEntity extends BaseEntity {
  @Column({ name: 'practice_id', type: 'uuid' })
  practiceId: string;

  @ManyToOne(() => PracticeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'fk_consents_practice' })
  practice?: PracticeEntity;

  @Column({ name: 'visit_id', type: 'uuid' })
  visitId: string;

  @ManyToOne(() => VisitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'visit_id', foreignKeyConstraintName: 'fk_consents_visit' })
  visit?: VisitEntity;

  @Column({ type: 'varchar', length: 10 })
  participant: ConsentParticipant;

  /** The guest's id, for a guest participant (calls with a third person). */
  @Column({ name: 'guest_id', type: 'uuid', nullable: true })
  guestId: string | null;

  @Column({ type: 'varchar', length: 30 })
  kind: ConsentKind;

  @Column({ type: 'varchar', length: 10 })
  decision: ConsentDecision;

  @Column({ name: 'text_id', type: 'uuid', nullable: true })
  textId: string | null;

  @ManyToOne(() => ConsentTextEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'text_id', foreignKeyConstraintName: 'fk_consents_text' })
  text?: ConsentTextEntity | null;

  @Column({ name: 'text_version', type: 'integer', nullable: true })
  textVersion: number | null;

  @Column({ type: 'varchar', length: 2 })
  language: Language;

  @Column({ type: 'varchar', length: 5, nullable: true })
  wording: ConsentWording | null;

  @Column({ type: 'varchar', length: 20 })
  method: ConsentMethod;

  /** The doctor who recorded an oral answer. */
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'fk_consents_recorded_by' })
  recorder?: UserEntity | null;

  /** The row this answer replaces (the previous answer of the same participant and kind). */
  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true })
  supersedesId: string | null;

  @ManyToOne(() => ConsentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_id', foreignKeyConstraintName: 'fk_consents_supersedes' })
  supersedes?: ConsentEntity | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 500, nullable: true })
  userAgent: string | null;
}
