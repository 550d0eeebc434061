import { z } from 'zod';

/**
 * Field schemas shared by every route: one definition of a date, a date-time, an id, a piece of text.
 * Each accepts exactly what the database stores, so a value that passes never fails in PostgreSQL.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** RFC 3339 as PostgreSQL's timestamptz reads it: a calendar date, a time, an explicit offset. */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-](\d{2}):(\d{2}))$/;

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

function realDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= MIN_YEAR && y <= MAX_YEAR && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A real calendar date written YYYY-MM-DD, years 1900-2100 (2026-02-31, 2026-W49-2 and 2026-335 are not). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  return !!m && realDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A date-time written 2026-12-01T09:30:00Z or 2026-12-01T10:30+01:00: real date, real time, an offset. */
export function isIsoDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE_TIME.exec(value);
  if (!m || !realDate(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  const [hh, mm, ss] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (hh > 23 || mm > 59 || ss > 59) return false;
  if (m[8] !== 'Z' && (Number(m[9]) > 15 || Number(m[10]) > 59)) return false;
  return !Number.isNaN(Date.parse(value));
}

export const isoDate = () => z.string().refine(isIsoDate, { message: 'must be a date written YYYY-MM-DD' });
export const isoDateTime = () =>
  z.string().refine(isIsoDateTime, { message: 'must be a date and time such as 2026-12-01T09:30:00Z (with Z or an offset such as +01:00)' });

/** A database id (UUID v4, as PostgreSQL's gen_random_uuid makes them). */
export const uuid = () => z.uuidv4({ message: 'must be an id (UUID)' });

/**
 * Free text people type, trimmed. NUL bytes and lone surrogates are refused before any schema runs;
 * other control characters (they break exports, logs and terminals) are refused here. Tabs and line
 * breaks are text.
 */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), { message: 'must not contain control characters' });
/** Text that must not be empty once trimmed. */
export const requiredText = (max: number, message = 'is required') => text(max).min(1, { message });

export const email = () => z.string().trim().toLowerCase().max(254).pipe(z.email({ message: 'must be an e-mail address' }));

/** A phone number as a person types it (digits, spaces, dots, dashes, brackets, an optional +). */
export const phone = () =>
  z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 .()-]{5,18}$/, { message: 'must be a phone number such as +33612345678' });

/** A query parameter that is a whole number in [min, max]. */
export const queryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^[0-9]{1,9}$/, { message: 'must be a whole number' })
    .transform(Number)
    .pipe(z.number().int().min(min, { message: `must be at least ${min}` }).max(max, { message: `must be at most ${max}` }));

/** Route params `:id`. */
export const idParams = z.object({ id: uuid() });
