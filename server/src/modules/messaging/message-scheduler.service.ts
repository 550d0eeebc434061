import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { MessageChannel, MessageKind, StaffMessageKind } from '@visite/contracts';
import { Keyring } from '../keys/keyring';
import { Db } from '../../database/db';
import { OutboxRepository, type NewOutboxMessage } from './outbox.repository';
import { OutboxSignal } from './outbox-signal';
import { PracticeFactsService } from './practice-facts';
import { VisitMessagingRepository } from './visit-messaging.repository';

/** What the scheduler needs of a visit. */
export interface MessagedVisit {
  id: string;
  practiceId: string;
  scheduledAt: Date;
  patient: { email: string | null; phone: string | null };
}

/** The sealing context of a visit's join token. */
/** Where a staff message's set-password token is kept until it is rendered. */
export const staffSecretPlace = (messageId: string) => ({ table: 'outbox_messages', column: 'secret', rowId: messageId });

/** Where a visit's join token is kept, encrypted with the practice's data key (docs/encryption.md). */
export const joinTokenPlace = (visitId: string) => ({ table: 'visit_messaging', column: 'join_token_sealed', rowId: visitId });

/** Kinds a change of the appointment makes obsolete while they wait. */
const ANNOUNCEMENTS: MessageKind[] = ['invitation', 'update', 'reminder'];

/**
 * Writes the outbox rows a change of a visit causes, inside the transaction of that change (the
 * caller's `db.transaction(...)`; a hook called outside one throws), so a message exists if and only if
 * its change committed. Visits call these hooks; booking and rescheduling flows call `visitRescheduled`.
 * After the caller's transaction commits it may call `wake()` so this node sends at once.
 */
@Injectable()
export class MessageScheduler {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly state: VisitMessagingRepository,
    private readonly keyring: Keyring,
    private readonly practice: PracticeFactsService,
    private readonly signal: OutboxSignal,
    private readonly db: Db,
  ) {}

  /** A new visit: the invitation now on each of the patient's channels, and the reminders. */
  async visitCreated(visit: MessagedVisit, joinToken: string, now = new Date()): Promise<void> {
    this.requireTransaction('visitCreated');
    await this.state.setToken(visit.id, await this.keyring.encrypt(visit.practiceId, joinTokenPlace(visit.id), joinToken));
    const channels = channelsOf(visit);
    await this.outbox.insert([...channels.map((channel) => this.announcement(visit, 'invitation', channel, 0, now)), ...(await this.reminders(visit, channels, now))]);
  }

  /**
   * The practice issued a new link: the visit's messages from now on carry it (those already sent carry
   * the old one, which no longer opens the visit: that is what a new link is for).
   */
  async joinLinkReissued(practiceId: string, visitId: string, joinToken: string): Promise<void> {
    this.requireTransaction('joinLinkReissued');
    await this.state.setToken(visitId, await this.keyring.encrypt(practiceId, joinTokenPlace(visitId), joinToken));
  }

  /**
   * The appointment moved (call it in the transaction that changes `scheduled_at`, with the new time):
   * waiting announcements and reminders are cancelled; on each channel the patient gets an update (an
   * ICS with the same UID and the next SEQUENCE) if the visit was announced there, else the invitation
   * (it had not left yet, or had failed); reminders for the new time.
   */
  async visitRescheduled(visit: MessagedVisit, now = new Date()): Promise<void> {
    this.requireTransaction('visitRescheduled');
    await this.outbox.cancelWaiting(visit.id, ANNOUNCEMENTS, 'rescheduled');
    const informed = new Set(await this.outbox.informedChannels(visit.id));
    const sequence = await this.state.nextSequence(visit.id);
    const channels = channelsOf(visit);
    const rows = channels.map((channel) => this.announcement(visit, informed.has(channel) ? 'update' : 'invitation', channel, sequence, now));
    await this.outbox.insert([...rows, ...(await this.reminders(visit, channels, now))]);
  }

  /** The visit was cancelled: nothing more is announced, and each channel that had announced it says so. */
  async visitCancelled(visit: MessagedVisit, now = new Date()): Promise<void> {
    this.requireTransaction('visitCancelled');
    await this.outbox.cancelWaiting(visit.id, ANNOUNCEMENTS, 'visit_cancelled');
    const informed = await this.outbox.informedChannels(visit.id);
    if (!informed.length) return;
    const sequence = await this.state.nextSequence(visit.id);
    await this.outbox.insert(informed.map((channel) => this.announcement(visit, 'cancellation', channel, sequence, now)));
  }

  /** The consultation took place: what still waits (reminders) is cancelled. */
  async visitEnded(visitId: string): Promise<void> {
    this.requireTransaction('visitEnded');
    await this.outbox.cancelWaiting(visitId, ANNOUNCEMENTS, 'visit_over');
  }

  /**
   * A staff member's new set-password link (invitation or reset): the e-mail carrying it, due now. Call it
   * in the transaction that issues the token; e-mails of earlier links still waiting are cancelled.
   */
  async passwordLinkIssued(link: { practiceId: string; userId: string; token: string; kind: StaffMessageKind; requestedBy: string }): Promise<void> {
    this.requireTransaction('passwordLinkIssued');
    const id = randomUUID();
    const secret = await this.keyring.encrypt(link.practiceId, staffSecretPlace(id), link.token);
    await this.outbox.insertStaff({ id, practiceId: link.practiceId, staffUserId: link.userId, kind: link.kind, secret, requestedBy: link.requestedBy });
  }

  /** The account was disabled: its set-password e-mails still waiting are not sent. */
  async staffDisabled(userId: string): Promise<void> {
    this.requireTransaction('staffDisabled');
    await this.outbox.cancelWaitingStaff(userId, 'link_superseded');
  }

  /** The visit's report was signed for the patient: a notice on each of their channels, with their link. */
  async reportSigned(visit: MessagedVisit, now = new Date()): Promise<number> {
    this.requireTransaction('reportSigned');
    const channels = channelsOf(visit);
    if (channels.length) await this.outbox.insert(channels.map((channel) => this.announcement(visit, 'report_ready', channel, 0, now)));
    return channels.length;
  }

  private requireTransaction(hook: string): void {
    if (!this.db.inTransaction) throw new Error(`MessageScheduler.${hook} called outside the transaction of the visit's change`);
  }

  /** Lets this node's poller send what was just committed. */
  wake(): void {
    this.signal.wake();
  }

  private announcement(visit: MessagedVisit, kind: MessageKind, channel: MessageChannel, sequence: number, now: Date): NewOutboxMessage {
    return { practiceId: visit.practiceId, visitId: visit.id, kind, channel, reminderMinutes: null, dueAt: now, icsSequence: channel === 'email' ? sequence : null };
  }

  /** One reminder per offset of the practice and channel, due that long before the appointment; none already past. */
  private async reminders(visit: MessagedVisit, channels: MessageChannel[], now: Date): Promise<NewOutboxMessage[]> {
    const offsets = (await this.practice.of(visit.practiceId)).reminderOffsetsMinutes;
    return offsets.flatMap((minutes) => {
      const dueAt = new Date(visit.scheduledAt.getTime() - minutes * 60_000);
      if (dueAt.getTime() <= now.getTime()) return [];
      return channels.map((channel) => ({ practiceId: visit.practiceId, visitId: visit.id, kind: 'reminder' as const, channel, reminderMinutes: minutes, dueAt, icsSequence: null }));
    });
  }
}

/** The channels a patient can be reached on: e-mail and/or SMS, as they gave them. */
export function channelsOf(visit: Pick<MessagedVisit, 'patient'>): MessageChannel[] {
  return [...(visit.patient.email ? (['email'] as const) : []), ...(visit.patient.phone ? (['sms'] as const) : [])];
}
