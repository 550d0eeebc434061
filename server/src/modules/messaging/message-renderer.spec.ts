import ICAL from 'ical.js';
import { formatAppointment, renderMessage, type RenderInput } from './message-renderer';

const base: RenderInput = {
  kind: 'invitation',
  channel: 'email',
  language: 'fr',
  patient: { firstName: 'Jeanne', lastName: 'Durand', email: 'jeanne@example.fr', phone: '+33612345678' },
  doctorName: 'Dr Claire Martin',
  practice: { name: 'Cabinet du Parc', phone: '01 23 45 67 89', timeZone: 'Europe/Paris', email: 'no-reply@cabinet.test' },
  scheduledAt: new Date('2026-12-01T09:30:00Z'),
  durationMinutes: 15,
  link: 'https://visite.test/join/abcdefghijklmnopqrstuvwxyz',
  calendar: { uid: 'visit-1@visite.test', sequence: 0, stamp: new Date('2026-11-20T08:00:00Z') },
};

function parseEvent(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { method: calendar.getFirstPropertyValue('method'), event: new ICAL.Event(vevent), vevent };
}

describe('renderMessage', () => {
  it('writes the invitation in French, at the practice time, with the link and an ICS a parser reads back', () => {
    const m = renderMessage(base);
    expect(m.to).toBe('jeanne@example.fr');
    expect(m.subject).toBe('Téléconsultation avec Dr Claire Martin le mardi 1 décembre 2026 à 10:30');
    expect(m.text).toContain('Bonjour Jeanne,');
    expect(m.text).toContain('le mardi 1 décembre 2026 à 10:30 (heure de Paris)');
    expect(m.text).toContain('https://visite.test/join/abcdefghijklmnopqrstuvwxyz');
    expect(m.text).toContain('Appelez le cabinet au 01 23 45 67 89');
    const { method, event, vevent } = parseEvent(m.ics!.content);
    expect(method).toBe('REQUEST');
    expect(event.uid).toBe('visit-1@visite.test');
    expect(event.sequence).toBe(0);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-01T09:30:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-01T09:45:00.000Z');
    expect(event.summary).toBe('Téléconsultation avec Dr Claire Martin');
    expect(event.description).toContain('https://visite.test/join/abcdefghijklmnopqrstuvwxyz');
    expect(vevent.getFirstPropertyValue('url')).toBe(base.link);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('writes English in the patient\'s time zone', () => {
    const m = renderMessage({ ...base, language: 'en', practice: { ...base.practice, timeZone: 'America/Martinique', phone: null } });
    expect(m.subject).toBe('Video consultation with Dr Claire Martin on Tuesday, December 1, 2026 at 05:30');
    expect(m.text).toContain('(Martinique time)');
    expect(m.text).toContain('Cannot make it? Let the practice know.');
  });

  it('cancels with the same UID and a higher SEQUENCE, without the link', () => {
    const m = renderMessage({ ...base, kind: 'cancellation', link: null, calendar: { ...base.calendar, sequence: 2 } });
    expect(m.subject).toBe('Téléconsultation annulée : mardi 1 décembre 2026 à 10:30');
    expect(m.text).not.toContain('/join/');
    const { method, event, vevent } = parseEvent(m.ics!.content);
    expect(method).toBe('CANCEL');
    expect(event.uid).toBe('visit-1@visite.test');
    expect(event.sequence).toBe(2);
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('sends reminders without an ICS and SMS in a short form', () => {
    expect(renderMessage({ ...base, kind: 'reminder' }).ics).toBeNull();
    const sms = renderMessage({ ...base, channel: 'sms', kind: 'reminder' });
    expect(sms.to).toBe('+33612345678');
    expect(sms.subject).toBeNull();
    expect(sms.text).toBe('Cabinet du Parc : rappel, téléconsultation avec Dr Claire Martin le mar. 1 déc. à 10:30. Lien : https://visite.test/join/abcdefghijklmnopqrstuvwxyz');
  });

  it('refuses to render without an address for the channel or without the link', () => {
    expect(() => renderMessage({ ...base, patient: { ...base.patient, email: null } })).toThrow(/e-mail/);
    expect(() => renderMessage({ ...base, link: null })).toThrow(/link/);
  });

  it('folds long ICS lines at 75 octets without splitting a character', () => {
    const ics = renderMessage({ ...base, doctorName: 'Dr Éléonore-Françoise de La Tour d’Auvergne-Lauraguais' }).ics!.content;
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(parseEvent(ics).event.summary).toBe('Téléconsultation avec Dr Éléonore-Françoise de La Tour d’Auvergne-Lauraguais');
  });
});

describe('formatting', () => {
  it('formats dates by Intl in the language and time zone (the next day in Paris)', () => {
    expect(formatAppointment(new Date('2026-07-14T22:15:00Z'), 'fr', 'Europe/Paris', 'long')).toEqual({ date: 'mercredi 15 juillet 2026', time: '00:15' });
  });

});
