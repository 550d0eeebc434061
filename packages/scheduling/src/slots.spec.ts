import { checkSlot, computeSlots, gridSlots, mergeIntervals, type SlotRules, type WeeklyRange } from './slots';
import { absenceEndsAfterStart, hoursProblem } from './wall-time';
import { localDateOf, offsetMinutes, zonedToUtc } from './zoned-time';

const iso = (ms: number) => new Date(ms).toISOString();
const at = (s: string) => Date.parse(s);
const everyDay = (start: string, end: string): WeeklyRange[] => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));

function rules(over: Partial<SlotRules> = {}): SlotRules {
  return { timeZone: 'Europe/Paris', weekly: everyDay('09:00', '12:00'), absences: [], busy: [], durationMinutes: 30, minNoticeMinutes: 0, horizonDays: 400, ...over };
}
const LONG_AGO = at('2026-01-01T00:00:00Z');

describe('zoned time', () => {
  it('knows the offset of Paris on each side of both changes', () => {
    expect(offsetMinutes('Europe/Paris', at('2026-03-29T00:59:00Z'))).toBe(60);
    expect(offsetMinutes('Europe/Paris', at('2026-03-29T01:00:00Z'))).toBe(120);
    expect(offsetMinutes('Europe/Paris', at('2026-10-25T00:59:00Z'))).toBe(120);
    expect(offsetMinutes('Europe/Paris', at('2026-10-25T01:00:00Z'))).toBe(60);
  });

  it('maps local readings to instants, moving a reading of the spring gap forward and choosing in the autumn overlap', () => {
    expect(iso(zonedToUtc('2026-03-29', 9 * 60, 'Europe/Paris'))).toBe('2026-03-29T07:00:00.000Z');
    expect(iso(zonedToUtc('2026-03-28', 9 * 60, 'Europe/Paris'))).toBe('2026-03-28T08:00:00.000Z');
    // 02:30 does not exist on 29 March: it is 03:30 summer time.
    expect(iso(zonedToUtc('2026-03-29', 150, 'Europe/Paris'))).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 happens twice on 25 October.
    expect(iso(zonedToUtc('2026-10-25', 150, 'Europe/Paris', 'earlier'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(zonedToUtc('2026-10-25', 150, 'Europe/Paris', 'later'))).toBe('2026-10-25T01:30:00.000Z');
    expect(iso(zonedToUtc('2026-12-01', 1440, 'Europe/Paris'))).toBe('2026-12-01T23:00:00.000Z');
    expect(localDateOf(at('2026-12-01T23:30:00Z'), 'Europe/Paris')).toBe('2026-12-02');
  });
});

describe('slots', () => {
  it('keeps 09:00 Paris time across the spring change (08:00Z on Saturday, 07:00Z on Sunday 29 March)', () => {
    const slots = computeSlots(rules(), at('2026-03-27T23:00:00Z'), at('2026-03-29T22:00:00Z'), LONG_AGO);
    expect(slots.map((s) => iso(s.start))).toEqual([
      '2026-03-28T08:00:00.000Z', '2026-03-28T08:30:00.000Z', '2026-03-28T09:00:00.000Z', '2026-03-28T09:30:00.000Z', '2026-03-28T10:00:00.000Z', '2026-03-28T10:30:00.000Z',
      '2026-03-29T07:00:00.000Z', '2026-03-29T07:30:00.000Z', '2026-03-29T08:00:00.000Z', '2026-03-29T08:30:00.000Z', '2026-03-29T09:00:00.000Z', '2026-03-29T09:30:00.000Z',
    ]);
  });

  it('keeps 09:00 Paris time across the autumn change (07:00Z on Saturday, 08:00Z on Sunday 25 October)', () => {
    const slots = computeSlots(rules({ durationMinutes: 60 }), at('2026-10-23T22:00:00Z'), at('2026-10-25T23:00:00Z'), LONG_AGO);
    expect(slots.map((s) => iso(s.start))).toEqual([
      '2026-10-24T07:00:00.000Z', '2026-10-24T08:00:00.000Z', '2026-10-24T09:00:00.000Z',
      '2026-10-25T08:00:00.000Z', '2026-10-25T09:00:00.000Z', '2026-10-25T10:00:00.000Z',
    ]);
  });

  it('cuts a night range spanning the change in real time: 01:00-04:00 is two hours on 29 March and four on 25 October', () => {
    const night = rules({ weekly: [{ weekday: 7, start: '01:00', end: '04:00' }] });
    const spring = computeSlots(night, at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z'), LONG_AGO);
    expect(spring.map((s) => iso(s.start))).toEqual(['2026-03-29T00:00:00.000Z', '2026-03-29T00:30:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-29T01:30:00.000Z']);
    const autumn = computeSlots(night, at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z'), LONG_AGO);
    expect(autumn).toHaveLength(8);
    expect(iso(autumn[0]!.start)).toBe('2026-10-24T23:00:00.000Z');
    expect(iso(autumn[7]!.end)).toBe('2026-10-25T03:00:00.000Z');
  });

  it('computes a Montreal doctor’s slots in Montreal time (its own change on 8 March, Paris’s three weeks later)', () => {
    const montreal = rules({ timeZone: 'America/Montreal', weekly: [{ weekday: 6, start: '09:00', end: '10:00' }, { weekday: 1, start: '09:00', end: '10:00' }], durationMinutes: 60 });
    const slots = computeSlots(montreal, at('2026-03-07T00:00:00Z'), at('2026-03-31T00:00:00Z'), LONG_AGO);
    expect(slots.map((s) => iso(s.start))).toEqual([
      '2026-03-07T14:00:00.000Z', // Saturday, winter time (UTC-5)
      '2026-03-09T13:00:00.000Z', // Monday, summer time (UTC-4) while Paris is still in winter time
      '2026-03-14T13:00:00.000Z', '2026-03-16T13:00:00.000Z', '2026-03-21T13:00:00.000Z', '2026-03-23T13:00:00.000Z', '2026-03-28T13:00:00.000Z',
      '2026-03-30T13:00:00.000Z',
    ]);
  });

  it('computes a Réunion doctor’s slots at UTC+4 all year, on the local day even when it is still the day before in UTC', () => {
    const reunion = rules({ timeZone: 'Indian/Reunion', weekly: [{ weekday: 2, start: '02:00', end: '03:00' }], durationMinutes: 20 });
    // Tuesday 1 December 02:00 in Réunion is Monday 30 November 22:00Z.
    const slots = computeSlots(reunion, at('2026-11-30T00:00:00Z'), at('2026-12-02T00:00:00Z'), LONG_AGO);
    expect(slots.map((s) => iso(s.start))).toEqual(['2026-11-30T22:00:00.000Z', '2026-11-30T22:20:00.000Z', '2026-11-30T22:40:00.000Z']);
  });

  it('offers several ranges a day (the gap is the break) and nothing on closed days', () => {
    const week = rules({ weekly: [{ weekday: 2, start: '09:00', end: '10:00' }, { weekday: 2, start: '14:00', end: '15:00' }] });
    const slots = computeSlots(week, at('2026-11-30T00:00:00Z'), at('2026-12-07T00:00:00Z'), LONG_AGO);
    expect(slots.map((s) => iso(s.start))).toEqual(['2026-12-01T08:00:00.000Z', '2026-12-01T08:30:00.000Z', '2026-12-01T13:00:00.000Z', '2026-12-01T13:30:00.000Z']);
  });

  it('removes absences (whole days and part of a day), bookings of any duration, and keeps notice and horizon', () => {
    const base = rules({
      weekly: everyDay('09:00', '11:00'),
      absences: [{ startDate: '2026-12-02', endDate: '2026-12-03' }, { startDate: '2026-12-04', endDate: '2026-12-04', startTime: '10:00', endTime: '10:30' }],
      busy: [{ start: at('2026-12-01T08:15:00Z'), end: at('2026-12-01T08:45:00Z') }],
    });
    const now = at('2026-12-01T07:00:00Z');
    const slots = computeSlots({ ...base, minNoticeMinutes: 60, horizonDays: 4 }, at('2026-11-30T23:00:00Z'), at('2026-12-10T23:00:00Z'), now);
    expect(slots.map((s) => iso(s.start))).toEqual([
      // 1 Dec: 08:00Z (09:00) and 08:30Z overlap the booking; the notice ends at 08:00Z.
      '2026-12-01T09:00:00.000Z', '2026-12-01T09:30:00.000Z',
      // 2 and 3 Dec: away. 4 Dec: 10:00-10:30 away.
      '2026-12-04T08:00:00.000Z', '2026-12-04T08:30:00.000Z', '2026-12-04T09:30:00.000Z',
      // the horizon ends 5 Dec 07:00Z, before 09:00 Paris.
    ]);
  });

  it('says why a time cannot be booked', () => {
    const now = at('2026-12-01T07:00:00Z');
    const r = rules({ minNoticeMinutes: 120, horizonDays: 30, absences: [{ startDate: '2026-12-03', endDate: '2026-12-03' }], busy: [{ start: at('2026-12-02T08:00:00Z'), end: at('2026-12-02T08:30:00Z') }] });
    expect(checkSlot(r, at('2026-12-01T06:00:00Z'), now)).toEqual({ ok: false, reason: 'SLOT_IN_PAST' });
    expect(checkSlot(r, at('2026-12-01T08:00:00Z'), now)).toEqual({ ok: false, reason: 'SLOT_UNDER_NOTICE' });
    expect(checkSlot(r, at('2027-01-05T08:00:00Z'), now)).toEqual({ ok: false, reason: 'SLOT_BEYOND_HORIZON' });
    expect(checkSlot(r, at('2026-12-02T08:10:00Z'), now)).toEqual({ ok: false, reason: 'SLOT_OUTSIDE_HOURS' });
    expect(checkSlot(r, at('2026-12-02T13:00:00Z'), now)).toEqual({ ok: false, reason: 'SLOT_OUTSIDE_HOURS' });
    expect(checkSlot(r, at('2026-12-03T08:00:00Z'), now)).toEqual({ ok: false, reason: 'SLOT_DURING_ABSENCE' });
    expect(checkSlot(r, at('2026-12-02T08:00:00Z'), now)).toEqual({ ok: false, reason: 'SLOT_TAKEN' });
    expect(checkSlot(r, at('2026-12-02T08:30:00Z'), now)).toEqual({ ok: true, slot: { start: at('2026-12-02T08:30:00Z'), end: at('2026-12-02T09:00:00Z') } });
  });

  it('merges intervals and finds grid slots inside the window only', () => {
    expect(mergeIntervals([{ start: 5, end: 9 }, { start: 1, end: 3 }, { start: 2, end: 6 }])).toEqual([{ start: 1, end: 9 }]);
    expect(gridSlots(rules(), at('2026-12-01T08:30:00Z'), at('2026-12-01T09:00:00Z')).map((s) => iso(s.start))).toEqual(['2026-12-01T08:30:00.000Z']);
  });
});

describe('opening hours validation', () => {
  it('refuses a range ending before it starts and overlapping ranges of one day, accepts touching ones', () => {
    expect(hoursProblem([{ weekday: 1, start: '12:00', end: '09:00' }])).toEqual({ code: 'HOURS_END_BEFORE_START', index: 0 });
    expect(hoursProblem([{ weekday: 1, start: '09:00', end: '09:00' }])).toEqual({ code: 'HOURS_END_BEFORE_START', index: 0 });
    expect(hoursProblem([{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 1, start: '11:00', end: '13:00' }])?.code).toBe('HOURS_OVERLAP');
    expect(hoursProblem([{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 1, start: '12:00', end: '13:00' }, { weekday: 2, start: '11:00', end: '24:00' }])).toBeNull();
    expect(absenceEndsAfterStart({ startDate: '2026-12-02', endDate: '2026-12-01' })).toBe(false);
    expect(absenceEndsAfterStart({ startDate: '2026-12-02', endDate: '2026-12-02', startTime: '14:00', endTime: '10:00' })).toBe(false);
    expect(absenceEndsAfterStart({ startDate: '2026-12-02', endDate: '2026-12-02' })).toBe(true);
  });
});
