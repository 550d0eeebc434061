function zonedParts(at: Date, timeZone: string): { y: number; m: number; d: number; utcOfWallClock: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const [y, m, d] = [get('year'), get('month'), get('day')];
  return { y, m, d, utcOfWallClock: Date.UTC(y, m - 1, d, get('hour'), get('minute'), get('second')) };
}

/** The UTC instant at which the wall clock of `timeZone` reads midnight of the given date. */
function zonedMidnight(y: number, m: number, d: number, timeZone: string): Date {
  const wall = Date.UTC(y, m - 1, d);
  let guess = wall;
  for (let i = 0; i < 2; i++) guess = wall - (zonedParts(new Date(guess), timeZone).utcOfWallClock - guess);
  return new Date(guess);
}

/** Start (inclusive) and end (exclusive) of the calendar day containing `at` in `timeZone`. */
export function dayBounds(at: Date, timeZone: string): { start: Date; end: Date } {
  const { y, m, d } = zonedParts(at, timeZone);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return { start: zonedMidnight(y, m, d, timeZone), end: zonedMidnight(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), timeZone) };
}

/** The calendar date (YYYY-MM-DD) of `at` on the wall clock of `timeZone`. */
export function isoDateIn(at: Date, timeZone: string): string {
  const { y, m, d } = zonedParts(at, timeZone);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
