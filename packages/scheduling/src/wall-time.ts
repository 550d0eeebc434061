import type { DatedRange, WeeklyRange } from './slots';

/** `HH:MM` on the 24-hour clock, `24:00` being the end of the day. */
export const WALL_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Minutes since midnight of `HH:MM`. */
export function minutesOf(hm: string): number {
  const [h, m] = hm.split(':').map(Number);
  return h! * 60 + m!;
}

/** `HH:MM` of minutes since midnight. */
export function wallTimeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** What is wrong with a set of weekly opening hours, or null. */
export type HoursProblem = { code: 'HOURS_END_BEFORE_START' | 'HOURS_OVERLAP'; index: number };

/**
 * Opening hours are valid when every range ends after it starts and no two ranges of one weekday
 * overlap (touching is fine: 09:00-12:00 and 12:00-13:00).
 */
export function hoursProblem(weekly: readonly WeeklyRange[]): HoursProblem | null {
  for (const [index, r] of weekly.entries()) {
    if (minutesOf(r.end) <= minutesOf(r.start)) return { code: 'HOURS_END_BEFORE_START', index };
  }
  for (const [index, r] of weekly.entries()) {
    const overlap = weekly.some((o, j) => j !== index && o.weekday === r.weekday && minutesOf(o.start) < minutesOf(r.end) && minutesOf(r.start) < minutesOf(o.end));
    if (overlap) return { code: 'HOURS_OVERLAP', index };
  }
  return null;
}

/** An absence ends after it starts (its dates and times in the zone's wall clock). */
export function absenceEndsAfterStart(a: DatedRange): boolean {
  if (a.endDate !== a.startDate) return a.endDate > a.startDate;
  return minutesOf(a.endTime ?? '24:00') > minutesOf(a.startTime ?? '00:00');
}
