import type { Language, MessageChannel, MessageKind } from '@visite/contracts';
import en from './locales/en/messages.json';
import fr from './locales/fr/messages.json';
import { buildIcs } from './ics';

type Catalogue = typeof fr;
const CATALOGUES: Record<Language, Catalogue> = { fr, en };
/** How dates read in each language (English for a French practice's patients: day first, 24-hour clock). */
const INTL_LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

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

/** Replaces `{{name}}` placeholders (plain text: nothing is escaped). */
export function interpolate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`message text needs {{${name}}}`);
    return values[name];
  });
}

/** The appointment as the patient reads it: their language, their (the practice's) time zone. */
export function formatAppointment(at: Date, language: Language, timeZone: string, style: 'long' | 'short'): { date: string; time: string } {
  const locale = INTL_LOCALES[language];
  const date = new Intl.DateTimeFormat(locale, style === 'long' ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone } : { weekday: 'short', day: 'numeric', month: 'short', timeZone }).format(at);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(at);
  return { date, time };
}

/**
 * Renders one message from the catalogues: the e-mail (subject, text and, except for reminders, an ICS
 * with the same UID for the whole life of the visit) or the SMS.
 */
export function renderMessage(input: RenderInput): RenderedMessage {
  const t = CATALOGUES[input.language];
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
    timeZone: interpolate(t.common.timeZone, { city: cityOf(input.practice.timeZone) }),
    link: input.link ?? '',
    callPractice: phone ? interpolate(t.common.callPractice, { phone }) : t.common.callPracticeNoPhone,
    rebook: phone ? interpolate(t.common.rebook, { phone }) : t.common.rebookNoPhone,
  };
  if (input.channel === 'sms') {
    return { language: input.language, to, subject: null, text: interpolate(t.sms[input.kind], values), ics: null };
  }
  const email = t.email[input.kind];
  const method = input.kind === 'cancellation' ? 'CANCEL' : 'REQUEST';
  const ics =
    input.kind === 'reminder'
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
            summary: interpolate(t.ics.summary, values),
            description: interpolate(method === 'CANCEL' ? t.ics.cancelledDescription : t.ics.description, values),
            url: method === 'CANCEL' ? null : input.link,
            location: method === 'CANCEL' ? null : input.link,
            organizer: { name: input.practice.name, email: input.practice.email },
            attendee: { name: `${input.patient.firstName} ${input.patient.lastName}`, email: to },
          }),
        } as const;
  return { language: input.language, to, subject: interpolate(email.subject, values), text: interpolate(email.body, values), ics };
}

/** Europe/Paris -> Paris, America/Port_of_Spain -> Port of Spain. */
function cityOf(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}
