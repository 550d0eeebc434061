import ICAL from 'ical.js';

/** An ICS read back by a real parser (ical.js): the calendar's METHOD and its one event. */
export function readIcs(content: string): { method: string; uid: string; sequence: number; start: Date; end: Date; summary: string; description: string; status: string } {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT in the ICS');
  const event = new ICAL.Event(vevent);
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate(),
    end: event.endDate.toJSDate(),
    summary: event.summary,
    description: event.description,
    status: String(vevent.getFirstPropertyValue('status')),
  };
}
