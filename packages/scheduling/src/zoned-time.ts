/**
 * Wall-clock time in an IANA time zone, with nothing but `Intl`: the offset of a zone at an instant,
 * the local date of an instant, and the instant of a local date and time (the two DST cases handled
 * explicitly: a time that does not exist, in the spring gap, and a time that happens twice, in autumn).
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock of `instant` in `timeZone`, as the milliseconds of the same reading in UTC. */
function wallClock(timeZone: string, instant: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** Minutes the zone is ahead of UTC at `instant` (Europe/Paris: 60 in winter, 120 in summer). */
export function offsetMinutes(timeZone: string, instant: number): number {
  const floored = Math.floor(instant / 1000) * 1000;
  return Math.round((wallClock(timeZone, floored) - floored) / MINUTE);
}

/** `YYYY-MM-DD` of `instant` in `timeZone`. */
export function localDateOf(instant: number, timeZone: string): string {
  return new Date(wallClock(timeZone, instant)).toISOString().slice(0, 10);
}

/** Minutes since local midnight of `instant` in `timeZone`. */
export function localMinuteOf(instant: number, timeZone: string): number {
  const wall = wallClock(timeZone, instant);
  return Math.floor((wall % DAY) / MINUTE);
}

/** The date `days` after `date` (both `YYYY-MM-DD`). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** ISO weekday of a date: 1 Monday ... 7 Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Days from `from` to `to` (dates), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/**
 * Which instant a local reading that happens twice (the autumn change) means: the first (`earlier`,
 * still summer time) or the second (`later`). A reading that does not exist (the spring gap) moves
 * forward by the gap, as calendars do: 02:30 on 2026-03-29 in Paris is 03:30 summer time.
 */
export type Disambiguation = 'earlier' | 'later';

/** The instant (ms) of `minute` minutes after local midnight of `date` in `timeZone` (1440: the next midnight). */
export function zonedToUtc(date: string, minute: number, timeZone: string, pick: Disambiguation = 'earlier'): number {
  const local = Date.parse(`${date}T00:00:00Z`) + minute * MINUTE;
  // Transitions are hours apart: the offsets half a day on each side cover both readings.
  const before = offsetMinutes(timeZone, local - DAY / 2);
  const after = offsetMinutes(timeZone, local + DAY / 2);
  const candidates = [...new Set([before, after])]
    .map((o) => local - o * MINUTE)
    .filter((utc) => wallClock(timeZone, utc) === local)
    .sort((a, b) => a - b);
  if (candidates.length === 0) return local - before * MINUTE; // in the gap: shifted forward
  return pick === 'earlier' ? candidates[0]! : candidates[candidates.length - 1]!;
}
