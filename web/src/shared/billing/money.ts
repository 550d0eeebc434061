/** Amounts are integer cents (EUR) everywhere; these convert what people type (display: `useFormat().money`). */

/** The decimal separator people type in a language: "," in French, "." in English. */
export type DecimalSeparator = ',' | '.';

/** The value of a euro input for an amount: "25.00" (or "25,00" in French); empty for an unknown amount. */
export function centsToEuroInput(cents: number | null | undefined, separator: DecimalSeparator = '.'): string {
  if (cents === null || cents === undefined || !Number.isFinite(cents)) return '';
  const abs = Math.round(Math.abs(cents));
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}${separator}${String(abs % 100).padStart(2, '0')}`;
}

const EUROS = /^(\d+)(?:[.,](\d{1,2}))?$/;

/**
 * Parses what someone typed as a euro amount to cents: "25", "25.00", "25,00", "25,5", "1 234,50", "25 €".
 * Null for anything else (negative, more than two decimals, letters, empty).
 */
export function parseEuros(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/€$/, '').replace(/^€/, '');
  const match = EUROS.exec(compact);
  if (!match) return null;
  const euros = Number(match[1]);
  const cents = Number((match[2] ?? '0').padEnd(2, '0'));
  const total = euros * 100 + cents;
  return Number.isSafeInteger(total) ? total : null;
}
