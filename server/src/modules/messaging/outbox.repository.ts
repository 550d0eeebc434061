import { Injectable } from '@nestjs/common';
import type { MessageChannel, MessageKind, MessageOutcome, MessageState, OutboxKind, StaffMessageKind } from '@visite/contracts';
import { In, IsNull, Not, type QueryResult, type Repository } from 'typeorm';
import { Db } from '../../database/db';
import { OutboxMessageEntity } from './outbox-message.entity';

export type NewOutboxMessage = Pick<OutboxMessageEntity, 'practiceId' | 'channel' | 'reminderMinutes' | 'dueAt' | 'icsSequence'> & { visitId: string; kind: MessageKind } &
  Partial<Pick<OutboxMessageEntity, 'resendOf' | 'requestedBy'>>;

/** A set-password e-mail to a staff member; `secret` is the link's token, already encrypted for this row's id. */
export interface NewStaffMessage {
  id: string;
  practiceId: string;
  staffUserId: string;
  kind: StaffMessageKind;
  secret: string;
  requestedBy: string;
}

/** A message to a patient about a visit (what staff list on visits and in the outbox). */
export type VisitMessageRow = OutboxMessageEntity & { visitId: string; kind: MessageKind };

/** A row a node has just taken, with the state it was in (a `sending` row was left by a node that stopped). */
export interface ClaimedMessage {
  id: string;
  /** Set for a message to a patient; `staffUserId` for one to staff (exactly one of them). */
  visitId: string | null;
  staffUserId: string | null;
  kind: OutboxKind;
  channel: MessageChannel;
  reminderMinutes: number | null;
  icsSequence: number | null;
  attempts: number;
  claimToken: string;
  previousState: MessageState;
}

/** What a node records once it knows how a send went. */
export type OutcomePatch = Pick<OutboxMessageEntity, 'state'> &
  Partial<Pick<OutboxMessageEntity, 'outcome' | 'lastError' | 'sentAt' | 'provider' | 'providerMessageId' | 'nextAttemptAt'>>;

/** Rows not yet on their way that a change of the visit may cancel. */
const WAITING_STATES: MessageState[] = ['pending', 'retrying'];

/** Queries of the outbox; inside a service's `db.transaction`, every one joins it. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly db: Db) {}

  private get repo(): Repository<OutboxMessageEntity> {
    return this.db.repo(OutboxMessageEntity);
  }

  async insert(rows: NewOutboxMessage[]): Promise<VisitMessageRow[]> {
    if (!rows.length) return [];
    const repo = this.repo;
    return repo.save(rows.map((r) => repo.create({ ...r, state: 'pending', nextAttemptAt: r.dueAt, attempts: 0, resendOf: r.resendOf ?? null, requestedBy: r.requestedBy ?? null }))) as Promise<VisitMessageRow[]>;
  }

  /**
   * Takes up to `limit` rows that are due (pending or retrying), or whose sending node's lease ran out,
   * in one statement: `FOR UPDATE SKIP LOCKED` lets several nodes poll at once without taking the same
   * row, and the lease (`next_attempt_at` pushed forward) keeps it theirs after the statement commits.
   * The database's clock decides what is due, so nodes with skewed clocks agree.
   */
  async claimDue(claimToken: string, nodeId: string, leaseSeconds: number, limit: number): Promise<ClaimedMessage[]> {
    // Read as a structured result: TypeORM answers a raw UPDATE with [rows, count] on PostgreSQL, rows on PGlite.
    const runner = this.db.dataSource.createQueryRunner();
    let rows: Record<string, unknown>[];
    try {
      const result = (await runner.query(
      `WITH due AS (
         SELECT "id", "state" FROM "outbox_messages"
         WHERE "state" IN ('pending', 'retrying', 'sending') AND "next_attempt_at" <= now()
         ORDER BY "next_attempt_at"
         LIMIT $4
         FOR UPDATE SKIP LOCKED)
       UPDATE "outbox_messages" o
       SET "state" = 'sending', "attempts" = o."attempts" + 1, "claim_token" = $1, "claimed_by" = $2,
           "next_attempt_at" = now() + make_interval(secs => $3), "updated_at" = now()
       FROM due WHERE o."id" = due."id"
       RETURNING o."id", o."visit_id", o."staff_user_id", o."kind", o."channel", o."reminder_minutes", o."ics_sequence", o."attempts", due."state" AS "previous_state"`,
      [claimToken, nodeId, leaseSeconds, limit],
      true,
      )) as QueryResult;
      rows = result.records as Record<string, unknown>[];
    } finally {
      await runner.release();
    }
    return rows.map((r) => ({
      id: String(r.id),
      visitId: r.visit_id == null ? null : String(r.visit_id),
      staffUserId: r.staff_user_id == null ? null : String(r.staff_user_id),
      kind: r.kind as OutboxKind,
      channel: r.channel as MessageChannel,
      reminderMinutes: r.reminder_minutes == null ? null : Number(r.reminder_minutes),
      icsSequence: r.ics_sequence == null ? null : Number(r.ics_sequence),
      attempts: Number(r.attempts),
      claimToken,
      previousState: r.previous_state as MessageState,
    }));
  }

  /** A set-password e-mail due now; waiting ones of the same person are cancelled (their link no longer works). */
  async insertStaff(row: NewStaffMessage): Promise<void> {
    await this.cancelWaitingStaff(row.staffUserId, 'link_superseded');
    const now = new Date();
    await this.repo.insert({ ...row, visitId: null, channel: 'email', reminderMinutes: null, icsSequence: null, state: 'pending', dueAt: now, nextAttemptAt: now, attempts: 0 });
  }

  /** Cancels a staff member's set-password e-mails that have not left yet. */
  async cancelWaitingStaff(staffUserId: string, outcome: MessageOutcome): Promise<void> {
    await this.db.manager
      .createQueryBuilder()
      .update(OutboxMessageEntity)
      .set({ state: 'cancelled', outcome, updatedAt: () => 'now()' })
      .where({ staffUserId, state: In(WAITING_STATES) })
      .execute();
  }

  /** The encrypted token a staff message carries. */
  async staffSecret(id: string): Promise<string | null> {
    const row = await this.repo.createQueryBuilder('m').select(['m.id', 'm.secret']).where('m.id = :id', { id }).getOne();
    return row?.secret ?? null;
  }

  /** The latest set-password e-mail of each of these staff members. */
  async latestStaffEmails(practiceId: string, staffUserIds: readonly string[]): Promise<Map<string, OutboxMessageEntity>> {
    if (!staffUserIds.length) return new Map();
    const rows = await this.repo
      .createQueryBuilder('m')
      .distinctOn(['m.staff_user_id'])
      .where('m.practice_id = :practiceId AND m.staff_user_id IN (:...ids)', { practiceId, ids: staffUserIds })
      .orderBy('m.staff_user_id')
      .addOrderBy('m.created_at', 'DESC')
      .getMany();
    return new Map(rows.map((r) => [r.staffUserId!, r]));
  }

  /** Stores the rendered message before it is handed over; false if the claim was lost. */
  async saveContent(id: string, claimToken: string, content: string): Promise<boolean> {
    return this.fenced(id, claimToken, { content });
  }

  /** Records the outcome of a claim; false if the row is no longer this claim's (its lease was taken over). */
  async finish(id: string, claimToken: string, patch: OutcomePatch): Promise<boolean> {
    const keepsClaim = patch.state === 'sending';
    return this.fenced(id, claimToken, { ...patch, ...(keepsClaim ? {} : { claimToken: null }) });
  }

  /** Cancels the visit's messages of these kinds that are not yet on their way. */
  async cancelWaiting(visitId: string, kinds: MessageKind[], outcome: MessageOutcome): Promise<void> {
    await this.db.manager
      .createQueryBuilder()
      .update(OutboxMessageEntity)
      .set({ state: 'cancelled', outcome, updatedAt: () => 'now()' })
      .where({ visitId, kind: In(kinds), state: In(WAITING_STATES) })
      .execute();
  }

  /** The channels on which the patient was told of the visit (an invitation or update sent, kept or on its way). */
  async informedChannels(visitId: string): Promise<MessageChannel[]> {
    const rows: { channel: MessageChannel }[] = await this.repo
      .createQueryBuilder('m')
      .select('DISTINCT m.channel', 'channel')
      .where({ visitId, kind: In(['invitation', 'update']), state: In(['sending', 'sent', 'kept']) })
      .getRawMany();
    return rows.map((r) => r.channel);
  }

  forVisit(visitId: string): Promise<VisitMessageRow[]> {
    return this.repo.find({ where: { visitId }, order: { createdAt: 'ASC', dueAt: 'ASC', channel: 'ASC', id: 'ASC' } }) as Promise<VisitMessageRow[]>;
  }

  /** A message of the practice, with its visit (another practice's id finds nothing). */
  findInPractice(practiceId: string, id: string): Promise<VisitMessageRow | null> {
    return this.repo.findOne({ where: { id, practiceId, visitId: Not(IsNull()) }, relations: { visit: { doctor: true, patient: true } } }) as Promise<VisitMessageRow | null>;
  }

  /** A page of a practice's outbox, newest first, for the visits of these doctors. */
  page(scope: { practiceId: string; doctorIds: readonly string[] }, filter: { state?: MessageState; before?: { createdAt: Date; id: string } }, limit: number): Promise<VisitMessageRow[]> {
    if (!scope.doctorIds.length) return Promise.resolve([]);
    const q = this.repo
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.visit', 'visit')
      .innerJoinAndSelect('visit.patient', 'patient')
      .innerJoinAndSelect('visit.doctor', 'doctor')
      .where('m.practice_id = :practiceId AND visit.doctor_id IN (:...doctorIds)', { practiceId: scope.practiceId, doctorIds: scope.doctorIds });
    if (filter.state) q.andWhere('m.state = :state', { state: filter.state });
    // Pages are cut on (created_at to the millisecond, id): the cursor carries a JavaScript date, and
    // PostgreSQL keeps microseconds.
    const at = `date_trunc('milliseconds', m.created_at)`;
    if (filter.before) q.andWhere(`(${at}, m.id) < (:at, :id)`, { at: filter.before.createdAt, id: filter.before.id });
    // Each message has one visit, patient and doctor: LIMIT applies to messages as it is.
    return q.orderBy(at, 'DESC').addOrderBy('m.id', 'DESC').limit(limit).getMany() as Promise<VisitMessageRow[]>;
  }

  private async fenced(id: string, claimToken: string, patch: Partial<Record<keyof OutboxMessageEntity, unknown>>): Promise<boolean> {
    const result = await this.repo
      .createQueryBuilder()
      .update(OutboxMessageEntity)
      .set({ ...(patch as object), updatedAt: () => 'now()' })
      .where('id = :id AND claim_token = :claimToken AND state = :sending', { id, claimToken, sending: 'sending' })
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length === 1;
  }
}
