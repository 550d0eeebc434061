import { Injectable } from '@nestjs/common';
import {
  OUTBOX_PAGE_SIZE,
  RESENDABLE_STATES,
  type MessageState,
  type MessageView,
  type OutboxEntry,
  type OutboxMessageDetail,
  type OutboxPage,
  type ResendResult,
  type VisitMessages,
} from '@visite/contracts';
import { Db } from '../../database/db';
import { AuditService } from '../audit/audit.service';
import { AccessService } from '../practice/access.service';
import type { Actor } from '../practice/actor';
import type { VisitEntity } from '../visits/visit.entity';
import type { Patient } from '../patients/patient';
import { PatientVault } from '../patients/patient-vault';

/** A visit with its patient opened (decrypted): what messages are addressed and labelled with. */
export type ClearVisit = Omit<VisitEntity, 'patient' | 'assignId'> & { patient: Patient };
import { maskEmail, maskPhone } from './mask';
import type { RenderedMessage } from './message-renderer';
import { MessageScheduler } from './message-scheduler.service';
import { MessagingException, MessagingExceptionCode } from './messaging.exception';
import { contentPlace, staleOutcome } from './outbox-dispatcher.service';
import { Keyring } from '../keys/keyring';
import { OutboxRepository, type VisitMessageRow } from './outbox.repository';
import { VisitMessagingRepository } from './visit-messaging.repository';

/** What staff do with messages: read them (on a visit, in the outbox) and resend them. */
@Injectable()
export class MessagingService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly state: VisitMessagingRepository,
    private readonly scheduler: MessageScheduler,
    private readonly keyring: Keyring,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly db: Db,
    private readonly vault: PatientVault,
  ) {}

  async forVisit(actor: Actor, visitId: string): Promise<VisitMessages> {
    const visit = await this.clear(await this.access.visit(actor, visitId, 'view'));
    const rows = await this.outbox.forVisit(visitId);
    return { messages: await Promise.all(rows.map((m) => this.view(m, visit))) };
  }

  /** The outbox of the visits the actor works on: a doctor's own, an assistant's doctors'. */
  async page(actor: Actor, { state, cursor, limit = OUTBOX_PAGE_SIZE }: { state?: MessageState; cursor?: string; limit?: number }): Promise<OutboxPage> {
    this.access.requireCare(actor);
    const query = { state, cursor, limit };
    const before = query.cursor ? decodeCursor(query.cursor) : undefined;
    const doctorIds = actor.role === 'doctor' ? [actor.userId] : actor.assists;
    const rows = await this.outbox.page({ practiceId: actor.practiceId, doctorIds }, { state: query.state, before }, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return { messages: await Promise.all(page.map(async (m) => this.entry(m, await this.clear(m.visit!)))), nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
  }

  /** The message as it was rendered; reading it is recorded in the audit trail. */
  async detail(actor: Actor, id: string): Promise<OutboxMessageDetail> {
    const message = await this.owned(actor, id, 'view');
    await this.audit.recordAccess({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'message.viewed', visitId: message.visitId, detail: { messageId: id } });
    const content = await this.content(message);
    return {
      ...(await this.entry(message, await this.clear(message.visit!))),
      content: content ? { language: content.language, to: content.to, subject: content.subject, text: content.text, ics: content.ics?.content ?? null } : null,
    };
  }

  /**
   * A new message of the same kind and channel, due now and rendered when sent (with the visit's data and
   * link of then). Only once the original is no longer on its way, and while the message still fits the visit.
   */
  async resend(actor: Actor, id: string): Promise<ResendResult> {
    const original = await this.owned(actor, id, 'manage');
    const visit = await this.clear(original.visit!);
    if (!RESENDABLE_STATES.includes(original.state)) throw new MessagingException(MessagingExceptionCode.MESSAGE_ON_ITS_WAY);
    if (staleOutcome(original.kind, visit.status)) throw new MessagingException(MessagingExceptionCode.MESSAGE_OUTDATED);
    if (!(original.channel === 'email' ? visit.patient.email : visit.patient.phone)) throw new MessagingException(MessagingExceptionCode.NO_ADDRESS_FOR_CHANNEL);
    const sequence = original.channel === 'email' && original.kind !== 'reminder' ? ((await this.state.find(visit.id))?.calendarSequence ?? 0) : null;
    const created = await this.db.transaction(async () => {
      const [row] = await this.outbox.insert([
        { practiceId: visit.practiceId, visitId: visit.id, kind: original.kind, channel: original.channel, reminderMinutes: original.reminderMinutes, dueAt: new Date(), icsSequence: sequence, resendOf: original.id, requestedBy: actor.userId },
      ]);
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'message.resent', visitId: visit.id, detail: { messageId: original.id, resentAs: row.id } });
      return row;
    });
    this.scheduler.wake();
    return { message: await this.view(created, visit) };
  }

  /** A message of the actor's practice (another practice's is as unknown as a missing one), whose visit the actor may see or manage. */
  private async owned(actor: Actor, id: string, purpose: 'view' | 'manage'): Promise<VisitMessageRow> {
    const message = await this.outbox.findInPractice(actor.practiceId, id);
    if (!message) throw new MessagingException(MessagingExceptionCode.MESSAGE_NOT_FOUND);
    await this.access.visit(actor, message.visitId, purpose);
    return message;
  }

  private async content(message: VisitMessageRow): Promise<RenderedMessage | null> {
    if (!message.content) return null;
    try {
      return JSON.parse(await this.keyring.decrypt(message.practiceId, contentPlace(message.id), message.content)) as RenderedMessage;
    } catch {
      return null;
    }
  }

  private async clear(visit: VisitEntity): Promise<ClearVisit> {
    return { ...visit, patient: await this.vault.open(visit.patient) };
  }

  private async view(m: VisitMessageRow, visit: ClearVisit): Promise<MessageView> {
    const rendered = await this.content(m);
    const address = rendered?.to ?? (m.channel === 'email' ? visit.patient.email : visit.patient.phone);
    return {
      id: m.id,
      visitId: m.visitId,
      kind: m.kind,
      channel: m.channel,
      reminderMinutes: m.reminderMinutes,
      state: m.state,
      outcome: m.outcome,
      error: m.lastError,
      recipient: address ? (m.channel === 'email' ? maskEmail(address) : maskPhone(address)) : null,
      dueAt: m.dueAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
      attempts: m.attempts,
      nextAttemptAt: m.state === 'retrying' ? m.nextAttemptAt.toISOString() : null,
      resendOf: m.resendOf,
      createdAt: m.createdAt.toISOString(),
      updatedAt: m.updatedAt.toISOString(),
      resendable: RESENDABLE_STATES.includes(m.state) && !staleOutcome(m.kind, visit.status),
    };
  }

  private async entry(m: VisitMessageRow, visit: ClearVisit): Promise<OutboxEntry> {
    return { ...(await this.view(m, visit)), patientName: `${visit.patient.firstName} ${visit.patient.lastName}`, doctorName: visit.doctor.displayName, scheduledAt: visit.scheduledAt.toISOString() };
  }
}

function encodeCursor(m: VisitMessageRow): string {
  return Buffer.from(`${m.createdAt.toISOString()}|${m.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id ?? '')) throw new MessagingException(MessagingExceptionCode.INVALID_CURSOR);
  return { createdAt, id };
}
