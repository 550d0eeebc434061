/**
 * Calendar dates as ISO strings (YYYY-MM-DD, a Europe/Paris day). Pure string and UTC arithmetic: no
 * time zone is involved, so the result is the same on the server and in any browser.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface DayParts {
  year: number;
  month: number;
  day: number;
}

function parseIsoDate(value: string): DayParts | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Reject days that do not exist (2026-02-30): the UTC date must give the same parts back.
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** True for a real calendar day written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

function requireIsoDate(value: string, name: string): DayParts {
  const parts = parseIsoDate(value);
  if (!parts) throw new RangeError(`${name} must be a date written YYYY-MM-DD, got "${value}"`);
  return parts;
}

/**
 * Age in whole years on `date` (both YYYY-MM-DD). A person born on 29 February turns a year older on
 * 1 March in common years. Throws a RangeError for a malformed date.
 */
export function ageOn(birthDate: string, date: string): number {
  const birth = requireIsoDate(birthDate, 'birthDate');
  const on = requireIsoDate(date, 'date');
  const hadBirthdayThisYear = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (hadBirthdayThisYear ? 0 : 1);
}

/** The day after `date` (YYYY-MM-DD). */
export function dayAfter(date: string): string {
  const { year, month, day } = requireIsoDate(date, 'date');
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}
