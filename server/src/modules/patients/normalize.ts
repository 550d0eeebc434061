/**
 * Normalised forms the blind indexes hash, so a search matches however the value was typed:
 * names without accents, case, spaces or hyphens ("Lefèvre-Dupré" → "lefevredupre"), phones by their
 * last nine digits ("+33 6 12 34 56 78" and "06 12 34 56 78" → "612345678").
 */
export function normalizeName(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
}

/** The first three letters: what search-as-you-type matches on (a shorter name is its own prefix). */
export function namePrefix(name: string): string {
  return normalizeName(name).slice(0, 3);
}

export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length > 9 ? digits.slice(-9) : digits;
}

/** A date typed as YYYY-MM-DD or DD/MM/YYYY (also with dots or dashes), as YYYY-MM-DD; null otherwise. */
export function parseSearchDate(token: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(token);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(token);
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return null;
}
