import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { MessageChannel, MessageOutcome, MessageState, OutboxKind } from '@visite/contracts';
import { BaseEntity } from '../../database/base.entity';
import { PracticeEntity } from '../practice/practice.entity';
import { UserEntity } from '../auth/user.entity';
import { VisitEntity } from '../visits/visit.entity';

/**
 * One message to a patient (or a set-password e-mail to staff), from the moment the change that causes it commits (in the same
 * transaction) until its provider accepts it or it is given up. The poller takes rows whose
 * `next_attempt_at` has come with `FOR UPDATE SKIP LOCKED` (docs/messaging.md).
 */
@Entity('outbox_messages')
@Index('ix_outbox_messages_claim', ['state', 'nextAttemptAt'])
@Index('ix_outbox_messages_visit', ['visitId', 'createdAt'])
@Index('ix_outbox_messages_practice', ['practiceId', 'createdAt'])
@Index('ix_outbox_messages_staff_user', ['staffUserId', 'createdAt'], { where: '"staff_user_id" IS NOT NULL' })
@Check('ck_outbox_messages_owner', '("visit_id" IS NULL) <> ("staff_user_id" IS NULL)')
export class OutboxMessageEntity extends BaseEntity {
  /** The practice of the visit: the outbox page and every lookup by id are scoped by it. */
  @Column({ name: 'practice_id', type: 'uuid' })
  practiceId: string;

  @ManyToOne(() => PracticeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'fk_outbox_messages_practice' })
  practice?: PracticeEntity;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  /** The visit a message to a patient is about; null for a message to staff. */
  @Column({ name: 'visit_id', type: 'uuid', nullable: true })
  visitId: string | null;

  @ManyToOne(() => VisitEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'visit_id', foreignKeyConstraintName: 'fk_outbox_messages_visit' })
  visit?: VisitEntity;

  /** The staff member a set-password e-mail goes to; null for a message to a patient (exactly one is set). */
  @Column({ name: 'staff_user_id', type: 'uuid', nullable: true })
  staffUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_user_id', foreignKeyConstraintName: 'fk_outbox_messages_staff_user' })
  staffUser?: UserEntity;

  @Column({ type: 'varchar', length: 20 })
  kind: OutboxKind;

  @Column({ type: 'varchar', length: 10 })
  channel: MessageChannel;

  /** Reminders: minutes before the appointment. */
  @Column({ name: 'reminder_minutes', type: 'integer', nullable: true })
  reminderMinutes: number | null;

  @Column({ type: 'varchar', length: 20 })
  state: MessageState;

  @Column({ type: 'varchar', length: 30, nullable: true })
  outcome: MessageOutcome | null;

  /** When the message is due (shown to staff; reminders: appointment minus the offset). */
  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  /** When a poller may take the row: the due time, then the retry time, or the end of a node's lease. */
  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt: Date;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** Fences a claim: a node records an outcome only while the row still carries its claim. */
  @Column({ name: 'claim_token', type: 'uuid', nullable: true })
  claimToken: string | null;

  /** The node that took the row last (host:pid). */
  @Column({ name: 'claimed_by', type: 'varchar', length: 100, nullable: true })
  claimedBy: string | null;

  /** SEQUENCE of the ICS it carries (invitations, updates, cancellations). */
  @Column({ name: 'ics_sequence', type: 'integer', nullable: true })
  icsSequence: number | null;

  @Column({ name: 'resend_of', type: 'uuid', nullable: true })
  resendOf: string | null;

  /** The staff member who asked for a resend. */
  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** smtp, outbox (no mail server), webhook, log. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  provider: string | null;

  @Column({ name: 'provider_message_id', type: 'varchar', length: 200, nullable: true })
  providerMessageId: string | null;

  /** The provider's reason for the latest failure, with addresses masked. */
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  /** The rendered message (recipient, subject, text, ICS), encrypted with the practice's data key (Keyring). Null until due. */
  @Column({ type: 'text', nullable: true })
  content: string | null;

  /** Staff messages: the set-password token the e-mail carries, encrypted with the practice's data key. */
  @Column({ type: 'text', nullable: true, select: false })
  secret: string | null;
}
