import { Injectable, Logger } from '@nestjs/common';
import type { MessageKind, MessageOutcome, StaffMessageKind, VisitEventDetail, VisitStatus } from '@visite/contracts';
import { hashToken } from '../../common/crypto/random-token';
import { AppConfig } from '../../config/app-config';
import { Keyring } from '../keys/keyring';
import type { VisitEntity } from '../visits/visit.entity';
import { VisitsRepository } from '../visits/visits.repository';
import { redactProviderText } from './mask';
import { renderMessage, renderStaffMessage, type RenderedMessage } from './message-renderer';
import { joinTokenPlace, staffSecretPlace } from './message-scheduler.service';
import { StaffRecipientsRepository } from './staff-recipients.repository';
import type { ClaimedMessage, OutcomePatch } from './outbox.repository';
import { OutboxRepository } from './outbox.repository';
import { type PracticeFacts, PracticeFactsService } from './practice-facts';
import { nextRetryDelaySeconds } from './retry-policy';
import { type DeliveryResult, MailTransport, SmsProvider } from './transports/delivery';
import { VisitMessagingRepository } from './visit-messaging.repository';
import type { Patient } from '../patients/patient';
import { PatientVault } from '../patients/patient-vault';
import { Db } from '../../database/db';
import { BY_SYSTEM, VisitHistory } from '../history/visit-history.service';

/** Where a message's rendering is kept, encrypted with the practice's data key (it holds the patient's address and link). */
export const contentPlace = (messageId: string) => ({ table: 'outbox_messages', column: 'content', rowId: messageId });

/** A rendered message ready to be stored and handed over, with whose keys and in whose name. */
interface Prepared {
  practiceId: string;
  senderName: string;
  rendered: RenderedMessage;
}

/** The Message-ID of an outbox row's e-mail: the same on every attempt, so a retried e-mail can be recognised. */
export function emailMessageId(outboxId: string, publicUrl: string): string {
  return `<${outboxId}@${new URL(publicUrl).hostname}>`;
}

/**
 * Delivers one claimed row: checks it still fits the visit, renders it with the data of now (time,
 * link, address), stores the rendering (sealed) before handing it to the transport, then records the
 * outcome. Every write is fenced by the claim, so a node whose lease was taken over records nothing.
 */
@Injectable()
export class OutboxDispatcher {
  private readonly logger = new Logger('Outbox');

  constructor(
    private readonly config: AppConfig,
    private readonly outbox: OutboxRepository,
    private readonly state: VisitMessagingRepository,
    private readonly visits: VisitsRepository,
    private readonly practice: PracticeFactsService,
    private readonly keyring: Keyring,
    private readonly mail: MailTransport,
    private readonly sms: SmsProvider,
    private readonly vault: PatientVault,
    private readonly history: VisitHistory,
    private readonly db: Db,
    private readonly staff: StaffRecipientsRepository,
  ) {}

  async deliver(row: ClaimedMessage): Promise<void> {
    const { maxAttempts } = this.config.outbox;
    if (row.previousState === 'sending' && row.attempts > maxAttempts) {
      return this.record(row, { state: 'failed', outcome: 'gave_up', lastError: 'The server sending it stopped before it could record the outcome, on the last attempt.' });
    }
    const ready = row.staffUserId ? await this.prepareForStaff(row, row.staffUserId) : await this.prepareForPatient(row, row.visitId!);
    if (!ready) return;
    const { practiceId, senderName, rendered } = ready;
    if (!(await this.outbox.saveContent(row.id, row.claimToken, await this.keyring.encrypt(practiceId, contentPlace(row.id), JSON.stringify(rendered))))) {
      this.logger.warn(`message ${row.id}: claim lost before sending, left to the node that holds it`);
      return;
    }
    const timeoutMs = Math.min(30_000, Math.floor((this.config.outbox.leaseSeconds * 1000) / 3));
    const result =
      row.channel === 'email'
        ? await this.mail.send(
            {
              messageId: emailMessageId(row.id, this.config.publicUrl),
              outboxId: row.id,
              from: { name: senderName, address: this.config.mail.from },
              to: rendered.to,
              subject: rendered.subject ?? '',
              text: rendered.text,
              ics: rendered.ics,
            },
            timeoutMs,
          )
        : await this.sms.send({ outboxId: row.id, to: rendered.to, text: rendered.text, sender: this.config.sms.provider === 'webhook' ? this.config.sms.sender : null }, timeoutMs);
    // Only a message about a visit goes into that visit's history.
    await this.record(row, this.outcomeOf(row, result), row.visitId ? practiceId : undefined);
  }

  /** A message to a patient: still fitting the visit, rendered with the visit's data and link of now; null once recorded otherwise. */
  private async prepareForPatient(row: ClaimedMessage, visitId: string): Promise<Prepared | null> {
    const kind = row.kind as MessageKind;
    const visit = await this.visits.findById(visitId);
    if (!visit) return this.recorded(row, { state: 'cancelled', outcome: 'visit_cancelled' });
    const stale = staleOutcome(kind, visit.status);
    if (stale) return this.recorded(row, { state: 'cancelled', outcome: stale });

    let link: string | null = null;
    if (kind !== 'cancellation') {
      const token = await this.joinToken(visit.practiceId, visit.id);
      if (!token) return this.recorded(row, { state: 'failed', outcome: 'link_unavailable' });
      link = `${this.config.publicUrl}/join/${token}`;
    }
    const practice = await this.practice.of(visit.practiceId);
    // A booked visit speaks the patient's language and time zone (chosen on the booking page), else the practice's.
    const booked = await this.state.bookedFor(visit.id);
    const audience = { ...practice, ...(booked ?? {}) };
    const rendered = this.render(kind, row, { ...visit, patient: await this.vault.open(visit.patient) }, audience, link);
    if (!rendered) return this.recorded(row, { state: 'failed', outcome: 'no_address' });
    return { practiceId: visit.practiceId, senderName: practice.name, rendered };
  }

  /**
   * A set-password e-mail to a staff member: sent only while its link still works (not used, not
   * replaced by a newer one, not expired) and the account is enabled, in the practice's language.
   */
  private async prepareForStaff(row: ClaimedMessage, userId: string): Promise<Prepared | null> {
    const user = await this.staff.user(userId);
    if (!user || user.disabledAt) return this.recorded(row, { state: 'cancelled', outcome: 'link_superseded' });
    const sealed = await this.outbox.staffSecret(row.id);
    let token: string | null = null;
    try {
      token = sealed ? await this.keyring.decrypt(user.practiceId, staffSecretPlace(row.id), sealed) : null;
    } catch {
      this.logger.error(`message ${row.id}: its set-password token cannot be opened with the practice's data keys`);
    }
    if (!token) return this.recorded(row, { state: 'failed', outcome: 'link_unavailable' });
    const link = await this.staff.token(hashToken(token));
    if (!link || link.usedAt || link.expiresAt.getTime() <= Date.now()) return this.recorded(row, { state: 'cancelled', outcome: 'link_superseded' });
    const practice = await this.practice.of(user.practiceId);
    const rendered = renderStaffMessage({
      kind: row.kind as StaffMessageKind,
      language: practice.language,
      to: user.email,
      name: user.displayName,
      practice: { name: practice.name, timeZone: practice.timeZone },
      link: `${this.config.publicUrl}/set-password/${token}`,
      expiresAt: link.expiresAt,
    });
    return { practiceId: user.practiceId, senderName: practice.name, rendered };
  }

  private async recorded(row: ClaimedMessage, patch: OutcomePatch): Promise<null> {
    await this.record(row, patch);
    return null;
  }

  private outcomeOf(row: ClaimedMessage, result: DeliveryResult): OutcomePatch {
    const now = new Date();
    switch (result.kind) {
      case 'sent':
        return { state: 'sent', outcome: null, lastError: null, sentAt: now, provider: result.provider, providerMessageId: result.providerMessageId };
      case 'kept':
        return { state: 'kept', outcome: result.outcome, lastError: null, sentAt: now, provider: result.provider };
      case 'failed': {
        const reason = redactProviderText(result.reason);
        if (result.permanent) return { state: 'failed', outcome: 'refused', lastError: reason };
        const delay = nextRetryDelaySeconds(row.attempts, this.config.outbox);
        if (delay === null) return { state: 'failed', outcome: 'gave_up', lastError: reason };
        return { state: 'retrying', outcome: 'temporary_failure', lastError: reason, nextAttemptAt: new Date(now.getTime() + delay * 1000) };
      }
    }
  }

  private async record(row: ClaimedMessage, patch: OutcomePatch, practiceId?: string): Promise<void> {
    // A message that left (or was kept for staff to read) goes into the visit's history with its outcome.
    const left = practiceId && row.visitId && (patch.state === 'sent' || patch.state === 'kept');
    const recorded = await this.db.transaction(async () => {
      const done = await this.outbox.finish(row.id, row.claimToken, patch);
      if (done && left) {
        const detail: VisitEventDetail = row.kind === 'reminder' ? { channel: row.channel, minutes: row.reminderMinutes, state: patch.state } : { message: row.kind as MessageKind, channel: row.channel, state: patch.state };
        await this.history.record({ visit: { id: row.visitId!, practiceId: practiceId! }, kind: row.kind === 'reminder' ? 'reminded' : 'notified', by: BY_SYSTEM, detail });
      }
      return done;
    });
    if (!recorded) this.logger.warn(`message ${row.id}: its lease ran out before the outcome (${patch.state}) could be recorded`);
    else if (patch.state === 'failed' || patch.state === 'retrying') this.logger.warn(`message ${row.id} (${row.kind}, ${row.channel}) ${patch.state}: ${patch.outcome}${patch.lastError ? ` - ${patch.lastError}` : ''}`);
  }

  private async joinToken(practiceId: string, visitId: string): Promise<string | null> {
    const state = await this.state.find(visitId);
    if (!state) return null;
    try {
      return await this.keyring.decrypt(practiceId, joinTokenPlace(visitId), state.joinTokenSealed);
    } catch {
      this.logger.error(`visit ${visitId}: its join token cannot be opened with the practice's data keys`);
      return null;
    }
  }

  private render(kind: MessageKind, row: ClaimedMessage, visit: Omit<VisitEntity, 'patient' | 'assignId'> & { patient: Patient }, practice: PracticeFacts, link: string | null): RenderedMessage | null {
    const address = row.channel === 'email' ? visit.patient.email : visit.patient.phone;
    if (!address) return null;
    return renderMessage({
      kind,
      channel: row.channel,
      language: practice.language,
      patient: { firstName: visit.patient.firstName, lastName: visit.patient.lastName, email: visit.patient.email, phone: visit.patient.phone },
      doctorName: visit.doctor.displayName,
      practice: { name: practice.name, phone: practice.phone, timeZone: practice.timeZone, email: this.config.mail.from },
      scheduledAt: visit.scheduledAt,
      durationMinutes: visit.endsAt ? Math.round((visit.endsAt.getTime() - visit.scheduledAt.getTime()) / 60_000) : this.config.defaultConsultationMinutes,
      link,
      calendar: { uid: calendarUid(visit.id, this.config.publicUrl), sequence: row.icsSequence ?? 0, stamp: new Date() },
    });
  }
}

/** The UID of a visit's calendar event, the same in every ICS of the visit. */
export function calendarUid(visitId: string, publicUrl: string): string {
  return `visit-${visitId}@${new URL(publicUrl).hostname}`;
}

/** Why a message no longer fits the visit as it is now, or null if it still does. */
export function staleOutcome(kind: MessageKind, status: VisitStatus): MessageOutcome | null {
  // A report notice is written once the report is signed, after the visit: it stays due.
  if (kind === 'report_ready') return null;
  if (kind === 'cancellation') return status === 'cancelled' ? null : 'visit_over';
  if (status === 'cancelled') return 'visit_cancelled';
  if (status === 'completed') return 'visit_over';
  if (kind === 'reminder' && status !== 'scheduled') return 'visit_started';
  if (status === 'in_progress') return 'visit_started';
  return null;
}
