import { z } from 'zod';
import { idParams, queryInt, text } from '../input/primitives';
import { defineRoute } from './route';

/**
 * Messages to patients (invitations, updates, cancellations, reminders) and their delivery, as staff
 * see them on a visit and in the practice's outbox. Every message is a row of the server's outbox,
 * written in the same transaction as the change that causes it and sent by a poller (docs/messaging.md).
 */

/** `report_ready`: the visit's signed report can be read on the patient's link (docs/report.md). */
export const MESSAGE_KINDS = ['invitation', 'update', 'cancellation', 'reminder', 'report_ready'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * Messages to staff, carried by the same outbox (e-mail only): the set-password link of an invitation or
 * of a password reset. They belong to a staff account, not to a visit, and are never listed with the
 * patients' messages; the admin sees their state on the staff screen.
 */
export const STAFF_MESSAGE_KINDS = ['staff_invitation', 'password_reset'] as const;
export type StaffMessageKind = (typeof STAFF_MESSAGE_KINDS)[number];
/** Every kind an outbox row can have. */
export type OutboxKind = MessageKind | StaffMessageKind;

export const MESSAGE_CHANNELS = ['email', 'sms'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/**
 * Where a message is:
 * - `pending`: waiting for its due time;
 * - `sending`: a server node has claimed it and is handing it to the provider (a node that dies
 *   leaves it here until its lease ends, then another node retries it);
 * - `sent`: the provider (mail server, SMS gateway) accepted it;
 * - `kept`: rendered and kept in the outbox only: no mail server (or no SMS provider) is configured;
 * - `retrying`: the provider refused it for now; tried again later (back-off);
 * - `failed`: refused for good, or given up after the last attempt;
 * - `cancelled`: not sent, no longer relevant (visit rescheduled, cancelled or over).
 */
export const MESSAGE_STATES = ['pending', 'sending', 'sent', 'kept', 'retrying', 'failed', 'cancelled'] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

/** States a message can be resent from: it is no longer on its way. */
export const RESENDABLE_STATES: readonly MessageState[] = ['sent', 'kept', 'failed', 'cancelled'];

/**
 * Why a message is in its state, for the person reading it (translated by the web):
 * - `no_mail_server`, `sms_log_provider`: kept, no transport configured;
 * - `rescheduled`, `visit_cancelled`, `visit_over`, `visit_started`: cancelled, and why;
 * - `no_address`: failed, the patient has no e-mail or phone for this channel any more;
 * - `link_unavailable`: failed, the visit's link cannot be recovered (visit created before messaging);
 * - `refused`: failed, the provider refused it for good (see `error`);
 * - `temporary_failure`: retrying (see `error`);
 * - `gave_up`: failed after the last attempt (see `error`);
 * - `link_superseded`: cancelled, a newer set-password link was issued (or the account was disabled)
 *   before this e-mail left.
 */
export const MESSAGE_OUTCOMES = [
  'no_mail_server',
  'sms_log_provider',
  'rescheduled',
  'visit_cancelled',
  'visit_over',
  'visit_started',
  'no_address',
  'link_unavailable',
  'refused',
  'temporary_failure',
  'gave_up',
  'link_superseded',
] as const;
export type MessageOutcome = (typeof MESSAGE_OUTCOMES)[number];

/** Reminder offsets a practice may set, in minutes before the appointment (at most a week). */
export const reminderOffsetsSchema = z
  .array(z.number().int().min(1).max(7 * 24 * 60))
  .max(5)
  .refine((offsets) => new Set(offsets).size === offsets.length, 'reminder offsets must differ');

/** Reminders a practice sends when it has set none: the day before and a quarter of an hour before. */
export const DEFAULT_REMINDER_OFFSETS_MINUTES: readonly number[] = [24 * 60, 15];

/** One message, as listed on a visit and in the outbox. */
export interface MessageView {
  id: string;
  visitId: string;
  kind: MessageKind;
  channel: MessageChannel;
  /** For reminders: minutes before the appointment. */
  reminderMinutes: number | null;
  state: MessageState;
  outcome: MessageOutcome | null;
  /** The provider's reason for the latest failure (addresses masked). */
  error: string | null;
  /** The recipient, masked (j•••@example.fr, +33 6•• •• •• 78). */
  recipient: string | null;
  /** When it is (or was) due. */
  dueAt: string;
  /** When it was handed to the provider (sent) or kept in the outbox. */
  sentAt: string | null;
  attempts: number;
  /** When the next attempt is planned (retrying). */
  nextAttemptAt: string | null;
  /** The message this one resends, if any. */
  resendOf: string | null;
  createdAt: string;
  updatedAt: string;
  /** Whether it can be resent now. */
  resendable: boolean;
}

/** GET /api/visits/:id/messages */
export interface VisitMessages {
  messages: MessageView[];
}

/** A line of the practice's outbox: a message with its visit. */
export interface OutboxEntry extends MessageView {
  patientName: string;
  doctorName: string;
  scheduledAt: string;
}

/** GET /api/outbox query (all optional; 50 messages a page unless `limit` says otherwise). */
export const outboxQuerySchema = z.strictObject({
  state: z.enum(MESSAGE_STATES).optional(),
  /** Opaque cursor from the previous page. */
  cursor: text(200).optional(),
  limit: queryInt(1, 200).optional(),
});
export type OutboxQuery = z.input<typeof outboxQuerySchema>;
export const OUTBOX_PAGE_SIZE = 50;

/** GET /api/outbox: newest first. */
export interface OutboxPage {
  messages: OutboxEntry[];
  nextCursor: string | null;
}

/** GET /api/outbox/:id: the message as it was rendered (readable without a mail server). */
export interface OutboxMessageDetail extends OutboxEntry {
  /** Null until the message is rendered (when it is due). */
  content: { language: string; to: string; subject: string | null; text: string; ics: string | null } | null;
}

/** POST /api/outbox/:id/resend: a new message of the same kind and channel, due now, with current data. */
export interface ResendResult {
  message: MessageView;
}

export const messageRoutes = {
  forVisit: defineRoute<VisitMessages>()({ method: 'GET', path: '/api/visits/:id/messages', params: idParams, access: 'staff' }),
  outbox: defineRoute<OutboxPage>()({ method: 'GET', path: '/api/outbox', query: outboxQuerySchema, access: 'staff' }),
  detail: defineRoute<OutboxMessageDetail>()({ method: 'GET', path: '/api/outbox/:id', params: idParams, access: 'staff' }),
  resend: defineRoute<ResendResult>()({ method: 'POST', path: '/api/outbox/:id/resend', params: idParams, status: 201, access: 'staff' }),
} as const;
