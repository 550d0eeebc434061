import type { Language } from './languages';

/**
 * Dates, times, numbers and money for people, through Intl in the chosen language. Times use the
 * 24-hour clock in both languages (the practices are French). Each function takes an optional time zone
 * (the server formats in the practice's; the browser in its own by default).
 */

export type DateInput = Date | string | number;
export interface ZoneOption {
  timeZone?: string;
}

function toDate(value: DateInput): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day "YYYY-MM-DD" as noon UTC, formatted in UTC: the same day whatever the time zone. */
function calendarDay(iso: string): Date | null {
  const match = ISO_DAY.exec(iso);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return date.getUTCMonth() === Number(match[2]) - 1 ? date : null;
}

function format(language: Language, value: DateInput, options: Intl.DateTimeFormatOptions, zone: ZoneOption = {}): string {
  const date = toDate(value);
  if (!date) return '';
  return new Intl.DateTimeFormat(language, { ...options, ...(zone.timeZone ? { timeZone: zone.timeZone } : {}) }).format(date);
}

/** "08:28". */
export function formatTime(language: Language, value: DateInput, zone?: ZoneOption): string {
  return format(language, value, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, zone);
}

/** "mardi 1 décembre à 08:28" / "Tuesday, December 1 at 08:28". */
export function formatDateTime(language: Language, value: DateInput, zone?: ZoneOption): string {
  return format(language, value, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, zone);
}

/** "mardi" / "Tuesday". */
export function formatWeekday(language: Language, value: DateInput, zone?: ZoneOption): string {
  return format(language, value, { weekday: 'long' }, zone);
}

/**
 * "1 décembre 2026" / "December 1, 2026". A calendar day "YYYY-MM-DD" (a birth date, a date of service)
 * is the same day everywhere; anything else is an instant. The text itself when it is neither.
 */
export function formatDate(language: Language, value: DateInput, zone?: ZoneOption): string {
  if (typeof value === 'string' && ISO_DAY.test(value)) {
    const day = calendarDay(value);
    return day ? format(language, day, { day: 'numeric', month: 'long', year: 'numeric' }, { timeZone: 'UTC' }) : value;
  }
  const text = format(language, value, { day: 'numeric', month: 'long', year: 'numeric' }, zone);
  return text || (typeof value === 'string' ? value : '');
}

/** "01/12/2026" / "12/01/2026" (short, for tables). */
export function formatShortDate(language: Language, value: DateInput, zone?: ZoneOption): string {
  if (typeof value === 'string' && ISO_DAY.test(value)) {
    const day = calendarDay(value);
    return day ? format(language, day, { day: '2-digit', month: '2-digit', year: 'numeric' }, { timeZone: 'UTC' }) : value;
  }
  return format(language, value, { day: '2-digit', month: '2-digit', year: 'numeric' }, zone);
}

/** "1 234,5" / "1,234.5". */
export function formatNumber(language: Language, value: number, options?: Intl.NumberFormatOptions): string {
  if (!Number.isFinite(value)) return '';
  return new Intl.NumberFormat(language, options).format(value);
}

/** "42 %" / "42%" for 42. */
export function formatPercent(language: Language, percent: number): string {
  return formatNumber(language, percent / 100, { style: 'percent', maximumFractionDigits: 1 });
}

/** Integer cents of euros: "25,00 €" / "€25.00"; "-3,50 €" / "-€3.50". */
export function formatMoney(language: Language, cents: number): string {
  if (!Number.isFinite(cents)) return '';
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR' }).format(Math.round(cents) / 100);
}

function unit(language: Language, value: number, name: 'minute' | 'hour', display: 'long' | 'short' | 'narrow'): string {
  return new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: display }).format(value);
}

/**
 * A duration in whole minutes: "5 minutes" (long), "5 min" (short); from an hour on, hours and minutes
 * ("1 heure et 5 minutes" / "1 hour and 5 minutes", short "1 h 5 min" / "1 hr, 5 min").
 */
export function formatDuration(language: Language, minutes: number, style: 'long' | 'short' = 'long'): string {
  if (!Number.isFinite(minutes)) return '';
  const total = Math.max(0, Math.round(minutes));
  if (total < 60) return unit(language, total, 'minute', style);
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  const parts = [unit(language, hours, 'hour', style), ...(rest ? [unit(language, rest, 'minute', style)] : [])];
  return new Intl.ListFormat(language, { type: style === 'long' ? 'conjunction' : 'unit', style: style === 'long' ? 'long' : 'narrow' }).format(parts);
}

/** "dans 5 minutes" / "in 5 minutes", "il y a 5 minutes" / "5 minutes ago" (negative: in the past). */
export function formatRelativeMinutes(language: Language, minutes: number): string {
  if (!Number.isFinite(minutes)) return '';
  const rounded = Math.round(minutes);
  const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  return Math.abs(rounded) >= 60 ? rtf.format(Math.round(rounded / 60), 'hour') : rtf.format(rounded, 'minute');
}
