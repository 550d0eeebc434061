import type { FeeEntry, RegionalCoefficient } from '@visite/contracts';
import { isIsoDate } from './dates';

/**
 * The NGAP teleconsultation fee table (metropolitan France), by date of validity. A line is priced at
 * the fee in force on its date of service, so a fee change adds an entry (closing the previous one with
 * `validTo`) instead of editing an amount. Bump FEE_TABLE_VERSION whenever an entry changes.
 */
export const FEE_TABLE_VERSION = 'ngap-2026-01';

/** Teleconsultations by a physician (live video). */
export const TELECONSULTATION_CODES = ['TCG', 'TC', 'TCS'] as const;
/** A nurse assisting the patient during a physician's teleconsultation (live video). */
export const NURSE_ASSISTANCE_CODES = ['TLS', 'TLL', 'TLD'] as const;
/** Télé-expertise: one professional asks another for an opinion (synchronous or not). */
export const TELE_EXPERTISE_CODES = ['TE1', 'TE2', 'RQD'] as const;

export type TeleconsultationCode = (typeof TELECONSULTATION_CODES)[number];
export type NurseAssistanceCode = (typeof NURSE_ASSISTANCE_CODES)[number];
export type TeleExpertiseCode = (typeof TELE_EXPERTISE_CODES)[number];

export function isTeleconsultationCode(code: string): code is TeleconsultationCode {
  return (TELECONSULTATION_CODES as readonly string[]).includes(code);
}

export function isNurseAssistanceCode(code: string): code is NurseAssistanceCode {
  return (NURSE_ASSISTANCE_CODES as readonly string[]).includes(code);
}

export function isTeleExpertiseCode(code: string): code is TeleExpertiseCode {
  return (TELE_EXPERTISE_CODES as readonly string[]).includes(code);
}

const TELECONSULTATION_SOURCE = 'NGAP art. 14.9.3 (téléconsultation); ameli.fr';
const TELE_EXPERTISE_SOURCE = 'NGAP art. 14.9.4 (télé-expertise); ameli.fr';
const NURSE_SOURCE = "NGAP, nurses' acts: accompagnement à la téléconsultation; ameli.fr";

function entry(fields: Omit<FeeEntry, 'toConfirm'> & { toConfirm?: boolean }): Readonly<FeeEntry> {
  return Object.freeze({ ...fields, toConfirm: fields.toConfirm ?? false });
}

export const FEE_TABLE: readonly FeeEntry[] = Object.freeze([
  entry({
    code: 'TCG',
    kind: 'act',
    label: 'GP teleconsultation (sector 1, OPTAM, or sector 2 at the agreed fee)',
    validFrom: '2018-09-15',
    validTo: null,
    amountCents: 2500,
    source: TELECONSULTATION_SOURCE,
  }),
  // TC is priced like the matching in-person consultation; the amounts and the date of the change
  // follow the in-person consultation's revaluation and are to confirm.
  entry({
    code: 'TC',
    kind: 'act',
    label: 'Teleconsultation by a doctor charging above the agreed fee (sector 2 without OPTAM)',
    validFrom: '2018-09-15',
    validTo: '2024-12-21',
    amountCents: 2500,
    toConfirm: true,
    source: TELECONSULTATION_SOURCE,
  }),
  entry({
    code: 'TC',
    kind: 'act',
    label: 'Teleconsultation by a doctor charging above the agreed fee (sector 2 without OPTAM)',
    validFrom: '2024-12-22',
    validTo: null,
    amountCents: 3000,
    toConfirm: true,
    source: TELECONSULTATION_SOURCE,
  }),
  entry({
    code: 'TCS',
    kind: 'act',
    label: 'Specialist teleconsultation (sector 1 or OPTAM)',
    validFrom: '2025-01-01',
    validTo: null,
    amountCents: null,
    toConfirm: true,
    source: `${TELECONSULTATION_SOURCE} (cited for 2025-26, amount to confirm)`,
  }),
  entry({
    code: 'TE1',
    kind: 'act',
    label: 'Level-1 télé-expertise (replaced by TE2/RQD on 2022-04-01)',
    validFrom: '2019-02-10',
    validTo: '2022-03-31',
    amountCents: 1200,
    source: TELE_EXPERTISE_SOURCE,
  }),
  entry({
    code: 'TE2',
    kind: 'act',
    label: 'Télé-expertise, the doctor giving the opinion',
    validFrom: '2022-04-01',
    validTo: '2025-12-31',
    amountCents: 2000,
    source: TELE_EXPERTISE_SOURCE,
  }),
  entry({
    code: 'TE2',
    kind: 'act',
    label: 'Télé-expertise, the doctor giving the opinion',
    validFrom: '2026-01-01',
    validTo: null,
    amountCents: 2300,
    source: TELE_EXPERTISE_SOURCE,
  }),
  entry({
    code: 'RQD',
    kind: 'act',
    label: 'Télé-expertise, the professional who asks for the opinion',
    validFrom: '2022-04-01',
    validTo: null,
    amountCents: 1000,
    source: TELE_EXPERTISE_SOURCE,
  }),
  entry({
    code: 'TLS',
    kind: 'act',
    label: "Nurse assisting a doctor's teleconsultation during a planned visit",
    validFrom: '2019-01-01',
    validTo: null,
    amountCents: 1000,
    source: NURSE_SOURCE,
  }),
  entry({
    code: 'TLL',
    kind: 'act',
    label: "Nurse assisting a doctor's teleconsultation in a place dedicated to teleconsultation",
    validFrom: '2019-01-01',
    validTo: null,
    amountCents: 1200,
    source: NURSE_SOURCE,
  }),
  entry({
    code: 'TLD',
    kind: 'act',
    label: "Nurse assisting a doctor's teleconsultation at a home visit arranged for it",
    validFrom: '2019-01-01',
    validTo: null,
    amountCents: 1500,
    source: NURSE_SOURCE,
  }),
  // MOP: patient aged 80 or over who is not on the doctor's list. Its combination with TCG is to confirm.
  entry({
    code: 'MOP',
    kind: 'addon',
    label: "Majoration personnes âgées: patient aged 80+ not on the doctor's list (with TCG: to confirm)",
    validFrom: '2017-11-01',
    validTo: null,
    amountCents: 500,
    toConfirm: true,
    source: 'NGAP, majoration personnes âgées (MOP); ameli.fr',
  }),
]);

/** Overseas coefficients: stored and shown, not applied to amounts until confirmed. */
export const REGIONAL_COEFFICIENTS: readonly RegionalCoefficient[] = Object.freeze(
  (['metropole', 'antilles_guyane', 'reunion', 'mayotte'] as const).map((region) =>
    Object.freeze({ region, coefficient: null, toConfirm: true }),
  ),
);

function inForce(fee: FeeEntry, date: string): boolean {
  // ISO dates compare as strings.
  return fee.validFrom <= date && (fee.validTo === null || date <= fee.validTo);
}

/** The entry of `code` in force on `date` (YYYY-MM-DD), or undefined (unknown code, out of validity, bad date). */
export function feeOn(code: string, date: string): FeeEntry | undefined {
  if (!isIsoDate(date)) return undefined;
  return FEE_TABLE.find((fee) => fee.code === code && inForce(fee, date));
}

/** Every entry (acts and add-ons) in force on `date`, in table order. */
export function feesValidOn(date: string): FeeEntry[] {
  if (!isIsoDate(date)) return [];
  return FEE_TABLE.filter((fee) => inForce(fee, date));
}

/** Every entry of `code`, oldest first (empty for an unknown code). */
export function feeHistory(code: string): FeeEntry[] {
  return FEE_TABLE.filter((fee) => fee.code === code).sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
}

/** True when `code` is in the fee table at any date. */
export function isKnownCode(code: string): boolean {
  return FEE_TABLE.some((fee) => fee.code === code);
}

/** "25.00 EUR" from 2500. */
export function formatCents(cents: number): string {
  return `${(cents / 100).toFixed(2)} EUR`;
}
