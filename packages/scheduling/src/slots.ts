import { addDays, isoWeekday, localDateOf, zonedToUtc } from './zoned-time';
import { minutesOf } from './wall-time';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** One range of the weekly opening hours: ISO weekday (1 Monday ... 7 Sunday), wall-clock `HH:MM`. */
export interface WeeklyRange {
  weekday: number;
  start: string;
  /** `24:00` is the end of the day. */
  end: string;
}

/**
 * An absence (holiday, leave, training, a break on one day): from `startDate` at `startTime` (default the
 * start of the day) to `endDate` at `endTime` (default the end of the day), wall clock of the zone.
 */
export interface DatedRange {
  startDate: string;
  endDate: string;
  startTime?: string | null;
  endTime?: string | null;
}

/** A half-open interval of instants, in milliseconds since the epoch. */
export interface Interval {
  start: number;
  end: number;
}

/** What the slots of one doctor and one visit type are computed from. */
export interface SlotRules {
  timeZone: string;
  weekly: readonly WeeklyRange[];
  absences: readonly DatedRange[];
  /** Booked visits (any duration); a slot overlapping one is taken. */
  busy: readonly Interval[];
  durationMinutes: number;
  /** A slot must start at least this long after now. */
  minNoticeMinutes: number;
  /** A slot must start within this many days of now. */
  horizonDays: number;
}

/** Why a time is not a bookable slot. */
export type SlotRefusal = 'SLOT_IN_PAST' | 'SLOT_UNDER_NOTICE' | 'SLOT_BEYOND_HORIZON' | 'SLOT_OUTSIDE_HOURS' | 'SLOT_DURING_ABSENCE' | 'SLOT_TAKEN';

/** The instants a dated range covers in `timeZone`. */
export function absenceInterval(a: DatedRange, timeZone: string): Interval {
  return {
    start: zonedToUtc(a.startDate, a.startTime ? minutesOf(a.startTime) : 0, timeZone, 'earlier'),
    end: zonedToUtc(a.endDate, a.endTime ? minutesOf(a.endTime) : 1440, timeZone, 'later'),
  };
}

/**
 * Every start the opening hours offer between `from` and `to` (instants), before absences, bookings,
 * notice and horizon: each range of each local day, cut into consecutive slots of the visit's duration
 * in real time. A range that spans a DST change is as long as the clock says (01:00-04:00 is two hours
 * on the spring day and four on the autumn day).
 */
export function gridSlots(rules: Pick<SlotRules, 'timeZone' | 'weekly' | 'durationMinutes'>, from: number, to: number): Interval[] {
  const duration = rules.durationMinutes * MINUTE;
  const byDay = new Map<number, WeeklyRange[]>();
  for (const r of rules.weekly) byDay.set(r.weekday, [...(byDay.get(r.weekday) ?? []), r]);
  const out: Interval[] = [];
  // A slot of a local day can start before `from`'s local date at UTC boundaries: one day of margin.
  const first = addDays(localDateOf(from, rules.timeZone), -1);
  const last = addDays(localDateOf(to, rules.timeZone), 1);
  for (let date = first; date <= last; date = addDays(date, 1)) {
    for (const range of byDay.get(isoWeekday(date)) ?? []) {
      const start = zonedToUtc(date, minutesOf(range.start), rules.timeZone, 'earlier');
      const end = zonedToUtc(date, minutesOf(range.end), rules.timeZone, 'later');
      for (let t = start; t + duration <= end; t += duration) {
        if (t >= from && t < to) out.push({ start: t, end: t + duration });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Sorted, disjoint union of intervals. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/** Removes the slots that overlap any of `blocked` (sorted and disjoint), in one pass. */
function withoutOverlaps(slots: Interval[], blocked: Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const s of slots) {
    while (j < blocked.length && blocked[j]!.end <= s.start) j++;
    const b = blocked[j];
    if (b && b.start < s.end) continue;
    out.push(s);
  }
  return out;
}

/**
 * The bookable slots between `from` and `to`: the opening hours, minus absences, minus bookings,
 * from `now` plus the notice, up to `now` plus the horizon.
 */
export function computeSlots(rules: SlotRules, from: number, to: number, now: number): Interval[] {
  const earliest = Math.max(from, now + rules.minNoticeMinutes * MINUTE);
  const latest = Math.min(to, now + rules.horizonDays * DAY);
  if (earliest >= latest) return [];
  const grid = gridSlots(rules, earliest, latest);
  const absent = mergeIntervals(rules.absences.map((a) => absenceInterval(a, rules.timeZone)));
  return withoutOverlaps(withoutOverlaps(grid, absent), mergeIntervals(rules.busy));
}

/**
 * Whether `start` can be booked now, and if not why (in this order: past, under the notice, beyond the
 * horizon, not a start the opening hours offer, during an absence, taken).
 */
export function checkSlot(rules: SlotRules, start: number, now: number): { ok: true; slot: Interval } | { ok: false; reason: SlotRefusal } {
  if (start < now) return { ok: false, reason: 'SLOT_IN_PAST' };
  if (start < now + rules.minNoticeMinutes * MINUTE) return { ok: false, reason: 'SLOT_UNDER_NOTICE' };
  if (start >= now + rules.horizonDays * DAY) return { ok: false, reason: 'SLOT_BEYOND_HORIZON' };
  const slot = gridSlots(rules, start, start + 1).find((s) => s.start === start);
  if (!slot) return { ok: false, reason: 'SLOT_OUTSIDE_HOURS' };
  const overlaps = (i: Interval) => i.start < slot.end && slot.start < i.end;
  if (rules.absences.some((a) => overlaps(absenceInterval(a, rules.timeZone)))) return { ok: false, reason: 'SLOT_DURING_ABSENCE' };
  if (rules.busy.some(overlaps)) return { ok: false, reason: 'SLOT_TAKEN' };
  return { ok: true, slot };
}
