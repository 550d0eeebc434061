import { INS_OID_NIA, INS_OID_NIR, type InsOid, type PatientBilling } from '@visite/contracts';

/**
 * NIR (numéro d'inscription au répertoire, the social security number) and NIA (numéro d'identification
 * d'attente, a temporary number): 13 characters and a 2-digit key.
 *
 * The 13 characters: sex (1 digit), year (2), month (2), department of birth (2: digits, or 2A/2B for
 * Corsica), commune (3), order (3). The key is 97 - (the 13 characters read as a number, mod 97), where
 * 2A reads as 19 and 2B as 18.
 */

/** The 13 characters: digits, except 2A/2B as the department (characters 6-7). */
const NIR_BODY = /^\d{5}(?:\d{2}|2A|2B)\d{6}$/;

/** How the Corsican departments read in the key computation. */
const CORSICA_DIGITS: Readonly<Record<string, string>> = { '2A': '19', '2B': '18' };

export type NirKind = 'nir' | 'nia';

export type NirCheck = { valid: true; kind: NirKind } | { valid: false; reason: string };

/**
 * The key of a 13-character NIR/NIA body (1 to 97). Throws a RangeError when the body is not 13 digits
 * (with 2A/2B allowed at characters 6-7).
 */
export function nirKey(body13: string): number {
  if (!NIR_BODY.test(body13)) {
    throw new RangeError(`A NIR body is 13 digits (2A or 2B allowed at characters 6-7), got "${body13}"`);
  }
  const department = body13.slice(5, 7);
  const digits = body13.slice(0, 5) + (CORSICA_DIGITS[department] ?? department) + body13.slice(7);
  // Long division one digit at a time: the 13-digit number is above 2^53, so no floating point here.
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return 97 - remainder;
}

function kindOf(firstCharacter: string): NirKind | null {
  if (firstCharacter === '1' || firstCharacter === '2') return 'nir';
  if (firstCharacter === '7' || firstCharacter === '8') return 'nia';
  return null;
}

/**
 * Checks a 15-character NIR or NIA (13 characters and the key, no spaces: strip them before).
 * A first digit 1 or 2 is a NIR, 7 or 8 a temporary NIA.
 */
export function checkNir(value: string): NirCheck {
  if (/\s/.test(value)) return invalid('It must be written without spaces.');
  if (value.length !== 15) {
    return invalid(`It must be 15 characters (13 and a 2-digit key), but it has ${value.length}.`);
  }
  const kind = kindOf(value[0]);
  if (!kind) {
    return invalid(`Its first digit must be 1 or 2 (NIR) or 7 or 8 (temporary NIA), not "${value[0]}".`);
  }
  const body = value.slice(0, 13);
  if (!NIR_BODY.test(body)) {
    return invalid('Its first 13 characters must be digits, except 2A or 2B (Corsica) at characters 6-7.');
  }
  const key = value.slice(13);
  if (!/^\d{2}$/.test(key)) return invalid('Its last 2 characters (the key) must be digits.');
  const expected = nirKey(body);
  if (Number(key) !== expected) {
    return invalid(`Its key ${key} does not match the first 13 characters (the key should be ${String(expected).padStart(2, '0')}).`);
  }
  return { valid: true, kind };
}

function invalid(reason: string): NirCheck {
  return { valid: false, reason };
}

/** The INS OID matching a NIR (first digit 1/2) or a NIA (7/8), or null for anything else. */
export function insOidFor(ins: string): InsOid | null {
  const kind = kindOf(ins[0] ?? '');
  if (kind === 'nir') return INS_OID_NIR;
  if (kind === 'nia') return INS_OID_NIA;
  return null;
}

export interface InsProblem {
  field: 'patient.ins' | 'patient.insOid';
  message: string;
}

/**
 * What prevents exporting the patient's INS, for a qualified identity (QUAL) only: the INS is exported
 * only when QUAL, so other statuses have no problem (the INS is simply left out of exports).
 * Messages have no rule prefix; F10 adds it.
 */
export function insProblems(patient: Pick<PatientBilling, 'ins' | 'insOid' | 'identityStatus'>): InsProblem[] {
  if (patient.identityStatus !== 'QUAL') return [];
  if (!patient.ins) {
    return [{ field: 'patient.ins', message: 'a qualified identity (QUAL) needs the INS; record it from the INSi teleservice or lower the status' }];
  }
  const check = checkNir(patient.ins);
  if (!check.valid) return [{ field: 'patient.ins', message: `the INS of a qualified identity (QUAL) is invalid. ${check.reason}` }];
  const expected = insOidFor(patient.ins);
  if (!patient.insOid) {
    return [{ field: 'patient.insOid', message: `a qualified identity (QUAL) needs the INS's OID (${expected} for a ${check.kind.toUpperCase()})` }];
  }
  if (patient.insOid !== expected) {
    return [
      {
        field: 'patient.insOid',
        message: `the INS is a ${check.kind.toUpperCase()} (first digit ${patient.ins[0]}), so its OID must be ${expected}, not ${patient.insOid}`,
      },
    ];
  }
  return [];
}

/** The INS and its OID to put in an export: only for a qualified identity (QUAL) with a consistent, valid INS. */
export function exportableIns(patient: Pick<PatientBilling, 'ins' | 'insOid' | 'identityStatus'>): { value: string; oid: InsOid } | null {
  if (patient.identityStatus !== 'QUAL' || !patient.ins || !patient.insOid) return null;
  return insProblems(patient).length === 0 ? { value: patient.ins, oid: patient.insOid } : null;
}
