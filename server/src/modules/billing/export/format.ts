import type { AddOn, RuleResult } from '@visite/contracts';

/**
 * Formatting shared by every export format: money, booleans, rule ids, CSV cells. One place, so the
 * CSV and FHIR renderers cannot disagree on an amount.
 */

/** Amounts in the lines are integer cents of this currency (contracts: "All amounts in integer cents", EUR). */
export const LINE_CURRENCY = 'EUR';

function assertCents(cents: number): void {
  if (!Number.isSafeInteger(cents)) throw new TypeError(`export: amount ${String(cents)} is not an integer number of cents`);
}

/** 2500 -> "25.00", 5 -> "0.05", -1234 -> "-12.34": decimal with a dot and exactly two decimals. */
export function formatCents(cents: number): string {
  assertCents(cents);
  const abs = cents < 0 ? -cents : cents;
  const units = Math.trunc(abs / 100);
  const rest = abs - units * 100;
  return (cents < 0 ? '-' : '') + units + (rest < 10 ? '.0' : '.') + rest;
}

/** 2550 -> 25.5 as a JSON number (FHIR decimal); exact for any integer cents JSON can carry. */
export function centsToDecimal(cents: number): number {
  assertCents(cents);
  return cents / 100;
}

export function yesNo(value: boolean): 'Y' | 'N' {
  return value ? 'Y' : 'N';
}

export function addOnTotalCents(addOns: readonly AddOn[]): number {
  let total = 0;
  for (let i = 0; i < addOns.length; i++) total += addOns[i].amountCents;
  return total;
}

/** "MOP" or "MOP,XYZ": add-on codes in line order joined by a comma. */
export function addOnCodes(addOns: readonly AddOn[]): string {
  let out = '';
  for (let i = 0; i < addOns.length; i++) out += (i === 0 ? '' : ',') + addOns[i].code;
  return out;
}

/** The warnings the biller acknowledged before export, as rule ids joined by "|" ("F6|F7"). */
export function warningRuleIds(results: readonly RuleResult[]): string {
  let out = '';
  for (let i = 0; i < results.length; i++) {
    if (results[i].severity !== 'warning') continue;
    out += (out === '' ? '' : '|') + results[i].rule;
  }
  return out;
}

// --- CSV ---------------------------------------------------------------------------------------

export const CSV_SEPARATOR = ';';
export const CSV_EOL = '\r\n';
export const CSV_BOM = '\uFEFF';

/** A cell needs quotes when it holds the separator, a quote or a line break. */
const NEEDS_QUOTES = /[;"\r\n]/;
const QUOTE = /"/g;

/**
 * A text cell: guarded against formula injection, then quoted if needed (RFC 4180 style, quotes
 * doubled). A cell that a spreadsheet would read as a formula (first character = + - @, or a tab or
 * carriage return that some spreadsheets skip before such a character) gets a leading apostrophe,
 * which spreadsheets treat as "this is text" (OWASP CSV injection guidance). Applied to every text
 * column, identifiers and codes included, since any of them may hold typed-in data.
 */
export function csvText(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const first = value.charCodeAt(0);
  // = + - @ \t \r
  if (first === 0x3d || first === 0x2b || first === 0x2d || first === 0x40 || first === 0x09 || first === 0x0d) value = "'" + value;
  return NEEDS_QUOTES.test(value) ? '"' + value.replace(QUOTE, '""') + '"' : value;
}

/**
 * An amount cell ("25.00", "-3.50"): produced by formatCents from an integer, so it holds only digits,
 * a dot and maybe a leading minus. It is not guarded: a spreadsheet reads "-3.50" as the number -3.5
 * (not a formula), and an apostrophe would turn the amount into text.
 */
export function csvAmount(cents: number): string {
  return formatCents(cents);
}

/** An integer or decimal cell (rank, coverage percent): digits only, never guarded. */
export function csvNumber(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError(`export: ${String(value)} is not a number`);
  return String(value);
}

// --- strings ---------------------------------------------------------------------------------------

/** Characters JSON.stringify escapes (quote, backslash, controls) and surrogates (lone ones are escaped). */
const NEEDS_JSON_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * A JSON string literal, exactly what JSON.stringify(value) gives, about twice as fast for the usual
 * strings (ids, codes, names) that need no escaping.
 */
export function jsonString(value: string): string {
  if (typeof value !== 'string') throw new TypeError(`export: expected a string, got ${value === null ? 'null' : typeof value}`);
  return NEEDS_JSON_ESCAPE.test(value) ? JSON.stringify(value) : '"' + value + '"';
}

/**
 * Returns `s` after making V8 flatten it: a string built by `+` is a tree of its pieces, which a
 * long-lived copy (e.g. a fullUrl kept for the whole bundle) would keep alive. charCodeAt flattens a
 * rope in V8; elsewhere this is a harmless read.
 */
export function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

/** A character outside Latin-1 (the page must then be encoded as UTF-8). */
const NOT_LATIN1 = /[^\u0000-\u00ff]/;

/**
 * Collects a page's text in a reused byte buffer instead of a growing string. A page's text (up to
 * ~15 MB of FHIR for 5,000 lines) kept as a JS string while it is built survives every young-generation
 * GC and gets copied by each one; in a Buffer (off the JS heap) it is never scanned, and the short-lived
 * pieces a line is made of die young (measured on the FHIR export: 15-25% faster).
 * While the page is all Latin-1 (French names are, almost always) it is stored one byte per character,
 * which V8 copies instead of encoding/decoding UTF-8; the first character beyond switches the page to
 * UTF-8. One sink per rendering; take() returns the page as one flat string.
 */
export class TextSink {
  private buffer: Buffer;
  private length = 0;
  private latin1 = true;

  constructor(initialBytes = 1 << 20) {
    this.buffer = Buffer.allocUnsafe(initialBytes);
  }

  write(text: string): void {
    if (this.latin1 && NOT_LATIN1.test(text)) this.switchToUtf8();
    // UTF-8 needs at most 3 bytes per UTF-16 code unit, Latin-1 one.
    const most = this.latin1 ? text.length : text.length * 3;
    if (this.length + most > this.buffer.length) this.grow(this.length + most);
    this.length += this.buffer.write(text, this.length, this.latin1 ? 'latin1' : 'utf8');
  }

  /** The text written since the last take(), emptied (the buffer is kept for the next page). */
  take(): string {
    const text = this.buffer.toString(this.latin1 ? 'latin1' : 'utf8', 0, this.length);
    this.length = 0;
    this.latin1 = true;
    return text;
  }

  private switchToUtf8(): void {
    const sofar = this.buffer.toString('latin1', 0, this.length);
    this.latin1 = false;
    this.length = 0;
    if (sofar.length * 3 > this.buffer.length) this.grow(sofar.length * 3);
    this.length = this.buffer.write(sofar, 0, 'utf8');
  }

  private grow(needed: number): void {
    let size = this.buffer.length * 2;
    while (size < needed) size *= 2;
    const bigger = Buffer.allocUnsafe(size);
    this.buffer.copy(bigger, 0, 0, this.length);
    this.buffer = bigger;
  }
}
