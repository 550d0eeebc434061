import { z } from 'zod';

/** No NUL or other control characters in text people type (they break exports, logs and PostgreSQL). */
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'must not contain control characters');

export const uuidSchema = z.uuid({ message: 'must be an id (UUID)' });

export const emailSchema = z
  .email({ message: 'email must be an e-mail address' })
  .max(254)
  .transform((e) => e.trim().toLowerCase());

export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 .()-]{5,18}$/, 'phone must be a phone number such as +33612345678');

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD between 1900 and 2099 (2026-02-31 is not one). */
export function isRealIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2099 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const isoDateSchema = z.string().refine(isRealIsoDate, 'must be a real date written YYYY-MM-DD');

/** An ISO 8601 date-time with its offset (2026-11-22T10:00:00Z, 2026-11-22T10:00:00+01:00). */
export const isoDateTimeSchema = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });
