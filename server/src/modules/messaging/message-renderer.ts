import type { MessageChannel, MessageKind, StaffMessageKind } from '@visite/contracts';
import { formatTime, hasText, t, type Language } from '@visite/i18n';
import { buildIcs } from './ics';

export interface RenderInput {
  kind: MessageKind;
  channel: MessageChannel;
  language: Language;
  patient: { firstName: string; lastName: string; email: string | null; phone: string | null };
  doctorName: string;
  practice: { name: string; phone: string | null; timeZone: string; email: string };
  scheduledAt: Date;
  durationMinutes: number;
  /** The patient's working join link; null for a cancellation. */
  link: string | null;
  calendar: { uid: string; sequence: number; stamp: Date };
}

/** A message ready for its transport, and what the outbox shows. */
export interface RenderedMessage {
  language: Language;
  to: string;
  subject: string | null;
  text: string;
  /** The ICS attachment: invitation, update and cancellation e-mails. */
  ics: { method: 'REQUEST' | 'CANCEL'; content: string } | null;
}

/** A text of the `messages` catalogue of @visite/i18n, every `{{placeholder}}` filled (plain text). */
function text(language: Language, key: string, values: Record<string, string>): string {
  const full = `messages:${key}`;
  if (!hasText(language, full)) throw new Error(`no text ${full} in ${language}`);
  for (const [, name] of t(language, full).matchAll(/\{\{(\w+)\}\}/g)) {
    if (!(name in values)) throw new Error(`${full} needs {{${name}}}`);
  }
  return t(language, full, values);
}

/** The appointment as the patient reads it: their language, their (the practice's) time zone. */
export function formatAppointment(at: Date, language: Language, timeZone: string, style: 'long' | 'short'): { date: string; time: string } {
  const options: Intl.DateTimeFormatOptions =
    style === 'long' ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } : { weekday: 'short', day: 'numeric', month: 'short' };
  return { date: new Intl.DateTimeFormat(language, { ...options, timeZone }).format(at), time: formatTime(language, at, { timeZone }) };
}

/**
 * Renders one message from the catalogues: the e-mail (subject, text and, except for reminders, an ICS
 * with the same UID for the whole life of the visit) or the SMS.
 */
export function renderMessage(input: RenderInput): RenderedMessage {
  const lng = input.language;
  const to = input.channel === 'email' ? input.patient.email : input.patient.phone;
  if (!to) throw new Error(`the patient has no ${input.channel === 'email' ? 'e-mail address' : 'phone number'}`);
  if (input.kind !== 'cancellation' && !input.link) throw new Error('a message other than a cancellation needs the link');
  const { date, time } = formatAppointment(input.scheduledAt, input.language, input.practice.timeZone, input.channel === 'email' ? 'long' : 'short');
  const phone = input.practice.phone;
  const values: Record<string, string> = {
    firstName: input.patient.firstName,
    doctor: input.doctorName,
    practice: input.practice.name,
    date,
    time,
    timeZone: text(lng, 'common.timeZone', { city: cityOf(input.practice.timeZone) }),
    link: input.link ?? '',
    callPractice: phone ? text(lng, 'common.callPractice', { phone }) : text(lng, 'common.callPracticeNoPhone', {}),
    rebook: phone ? text(lng, 'common.rebook', { phone }) : text(lng, 'common.rebookNoPhone', {}),
  };
  if (input.channel === 'sms') {
    return { language: lng, to, subject: null, text: text(lng, `sms.${input.kind}`, values), ics: null };
  }
  const method = input.kind === 'cancellation' ? 'CANCEL' : 'REQUEST';
  const ics =
    input.kind === 'reminder' || input.kind === 'report_ready'
      ? null
      : {
          method,
          content: buildIcs({
            method,
            uid: input.calendar.uid,
            sequence: input.calendar.sequence,
            stamp: input.calendar.stamp,
            start: input.scheduledAt,
            end: new Date(input.scheduledAt.getTime() + input.durationMinutes * 60_000),
            summary: text(lng, 'ics.summary', values),
            description: text(lng, method === 'CANCEL' ? 'ics.cancelledDescription' : 'ics.description', values),
            url: method === 'CANCEL' ? null : input.link,
            location: method === 'CANCEL' ? null : input.link,
            organizer: { name: input.practice.name, email: input.practice.email },
            attendee: { name: `${input.patient.firstName} ${input.patient.lastName}`, email: to },
          }),
        } as const;
  return { language: lng, to, subject: text(lng, `email.${input.kind}.subject`, values), text: text(lng, `email.${input.kind}.body`, values), ics };
}

/** A set-password e-mail to a staff member: the practice's invitation, or a reset. */
export interface StaffRenderInput {
  kind: StaffMessageKind;
  language: Language;
  to: string;
  name: string;
  practice: { name: string; timeZone: string };
  link: string;
  expiresAt: Date;
}

export function renderStaffMessage(input: StaffRenderInput): RenderedMessage {
  const lng = input.language;
  const { date, time } = formatAppointment(input.expiresAt, lng, input.practice.timeZone, 'long');
  const values = { name: input.name, practice: input.practice.name, link: input.link, date, time };
  const key = input.kind === 'staff_invitation' ? 'staff.invitation' : 'staff.reset';
  return { language: lng, to: input.to, subject: text(lng, `${key}.subject`, values), text: text(lng, `${key}.body`, values), ics: null };
}

/** Europe/Paris -> Paris, America/Port_of_Spain -> Port of Spain. */
function cityOf(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}
