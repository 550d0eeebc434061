import type { AddOn, CarePathwayException, CodeProposal, FeeEntry, LineCoding, PatientLocation, PractitionerBilling } from '@visite/contracts';
import { centsToEuroInput, parseEuros, type DecimalSeparator } from './money';

/**
 * The coding form (doctor's end-of-visit screen and biller's correction) as typed, and its conversion to
 * the LineCoding the API takes. Pure: the components only render this state.
 */
export interface CodingFormState {
  code: string;
  /** Euros as typed. */
  amount: string;
  addOns: AddOn[];
  /** Euros as typed; used only when the practitioner may charge extra fees. */
  extraFee: string;
  patientLocation: PatientLocation | '';
  referral: boolean;
  careException: CarePathwayException | '';
  exceptionReason: string;
  sickNote: boolean;
  sickNoteDays: string;
  inPersonImpossible: boolean;
  /** Used only for the codes that involve another professional. */
  otherProfessionalRpps: string;
  thirdPartyPayment: boolean;
  coveragePercent: string;
}

/** What the form needs to know besides its own state. */
export interface CodingSetting {
  practitioner: PractitionerBilling | null;
  proposal: CodeProposal;
  /** Acts and add-ons valid on the date of service. */
  fees: readonly FeeEntry[];
  /** How amounts are written in the inputs (the chosen language's: "25,00" in French). Default ".". */
  decimalSeparator?: DecimalSeparator;
}

export type CodingField = 'code' | 'amount' | 'extraFee' | 'coveragePercent' | 'sickNoteDays' | 'exceptionReason';
export type CodingFormErrors = Partial<Record<CodingField, `coding.errors.${CodingField}`>>;

/** Télé-expertise (TE2) and assisted teleconsultations (TLS, TLL, TLD) name the other professional (F5). */
export const CODES_WITH_OTHER_PROFESSIONAL: readonly string[] = ['TE2', 'TLS', 'TLL', 'TLD'];
/** Paid in full by the Assurance Maladie, with tiers payant, by default. */
export const FULLY_COVERED_CODES: readonly string[] = ['TE2', 'RQD'];
export const USUAL_COVERAGE_PERCENT = 70;

/** Message keys (`billing-forms` catalogue) of the field errors. */
export const CODING_ERRORS = {
  code: 'coding.errors.code',
  amount: 'coding.errors.amount',
  extraFee: 'coding.errors.extraFee',
  coveragePercent: 'coding.errors.coveragePercent',
  sickNoteDays: 'coding.errors.sickNoteDays',
  exceptionReason: 'coding.errors.exceptionReason',
} as const satisfies Record<CodingField, `coding.errors.${CodingField}`>;
export type CodingErrorKey = (typeof CODING_ERRORS)[CodingField];

export function needsOtherProfessional(code: string): boolean {
  return CODES_WITH_OTHER_PROFESSIONAL.includes(code);
}

/** Extra fees (dépassements) are for sector 2 practitioners without OPTAM only. */
export function allowsExtraFee(practitioner: PractitionerBilling | null): boolean {
  return !!practitioner && practitioner.sector === '2' && !practitioner.optam;
}

/** Coverage and tiers payant that go with a code: TE2 and RQD 100 % with tiers payant, others 70 % without. */
export function defaultsForCode(code: string): { coveragePercent: number; thirdPartyPayment: boolean } {
  return FULLY_COVERED_CODES.includes(code)
    ? { coveragePercent: 100, thirdPartyPayment: true }
    : { coveragePercent: USUAL_COVERAGE_PERCENT, thirdPartyPayment: false };
}

export function actFees(fees: readonly FeeEntry[]): FeeEntry[] {
  return fees.filter((fee) => fee.kind === 'act');
}

export function addOnFees(fees: readonly FeeEntry[]): FeeEntry[] {
  return fees.filter((fee) => fee.kind === 'addon');
}

/** The fee of an act on the date the list is for; null when unknown ("to confirm") or not in the list. */
export function feeAmount(fees: readonly FeeEntry[], code: string): number | null {
  return fees.find((fee) => fee.code === code && fee.kind === 'act')?.amountCents ?? null;
}

const EMPTY: Omit<CodingFormState, 'code' | 'amount' | 'thirdPartyPayment' | 'coveragePercent'> = {
  addOns: [],
  extraFee: '',
  patientLocation: '',
  referral: false,
  careException: '',
  exceptionReason: '',
  sickNote: false,
  sickNoteDays: '',
  inPersonImpossible: false,
  otherProfessionalRpps: '',
};

/** The form for a line already coded, or else pre-filled with the proposal. */
export function initialCodingForm(setting: CodingSetting, existing: LineCoding | null): CodingFormState {
  if (existing) {
    return {
      code: existing.code,
      amount: centsToEuroInput(existing.amountCents, setting.decimalSeparator),
      addOns: existing.addOns.map((a) => ({ ...a })),
      extraFee: existing.extraFeeCents ? centsToEuroInput(existing.extraFeeCents, setting.decimalSeparator) : '',
      patientLocation: existing.patientLocation ?? '',
      referral: existing.referral,
      careException: existing.careException ?? '',
      exceptionReason: existing.exceptionReason ?? '',
      sickNote: !!existing.sickNote,
      sickNoteDays: existing.sickNote ? String(existing.sickNote.days) : '',
      inPersonImpossible: existing.sickNote?.inPersonImpossible ?? false,
      otherProfessionalRpps: existing.otherProfessionalRpps ?? '',
      thirdPartyPayment: existing.thirdPartyPayment,
      coveragePercent: String(existing.coveragePercent),
    };
  }
  const code = setting.proposal.code ?? '';
  const defaults = defaultsForCode(code);
  return {
    ...EMPTY,
    code,
    amount: centsToEuroInput(setting.proposal.amountCents ?? feeAmount(setting.fees, code), setting.decimalSeparator),
    thirdPartyPayment: defaults.thirdPartyPayment,
    coveragePercent: String(defaults.coveragePercent),
  };
}

/** Choosing another act: its fee on the date of service, its coverage and tiers payant defaults. */
export function withCode(state: CodingFormState, code: string, fees: readonly FeeEntry[], separator?: DecimalSeparator): CodingFormState {
  const defaults = defaultsForCode(code);
  return {
    ...state,
    code,
    amount: centsToEuroInput(feeAmount(fees, code), separator),
    thirdPartyPayment: defaults.thirdPartyPayment,
    coveragePercent: String(defaults.coveragePercent),
  };
}

/** Ticks or unticks an add-on (MOP...), priced from the fee table (0 when the fee is not known). */
export function withAddOn(state: CodingFormState, fee: FeeEntry, on: boolean): CodingFormState {
  const others = state.addOns.filter((a) => a.code !== fee.code);
  return { ...state, addOns: on ? [...others, { code: fee.code, amountCents: fee.amountCents ?? 0 }] : others };
}

/** A reason is asked for an exception to the care pathway, or for an act other than the one proposed. */
export function exceptionReasonRequired(state: CodingFormState, proposal: CodeProposal): boolean {
  return state.careException !== '' || (proposal.code !== null && state.code !== '' && state.code !== proposal.code);
}

const INTEGER = /^\d+$/;
const compact = (text: string) => text.replace(/\s+/g, '');

/**
 * Converts the form to the LineCoding to send. The coding is always built (invalid amounts count as 0) so
 * the rules can run live while the person types; `errors` says what must be fixed before saving.
 */
export function readCodingForm(state: CodingFormState, setting: CodingSetting): { coding: LineCoding; errors: CodingFormErrors } {
  const errors: CodingFormErrors = {};
  if (!state.code) errors.code = CODING_ERRORS.code;

  const amountCents = parseEuros(state.amount);
  if (amountCents === null) errors.amount = CODING_ERRORS.amount;

  let extraFeeCents = 0;
  if (allowsExtraFee(setting.practitioner) && state.extraFee.trim()) {
    const parsed = parseEuros(state.extraFee);
    if (parsed === null) errors.extraFee = CODING_ERRORS.extraFee;
    else extraFeeCents = parsed;
  }

  const coverage = state.coveragePercent.trim();
  const coveragePercent = INTEGER.test(coverage) ? Number(coverage) : NaN;
  if (!(coveragePercent >= 0 && coveragePercent <= 100)) errors.coveragePercent = CODING_ERRORS.coveragePercent;

  let sickNote: LineCoding['sickNote'] = null;
  if (state.sickNote) {
    const daysText = state.sickNoteDays.trim();
    const days = INTEGER.test(daysText) ? Number(daysText) : NaN;
    if (!(days >= 1 && days <= 365)) errors.sickNoteDays = CODING_ERRORS.sickNoteDays;
    sickNote = { days: Number.isFinite(days) ? days : 0, inPersonImpossible: state.inPersonImpossible };
  }

  const exceptionReason = state.exceptionReason.trim() || null;
  if (!exceptionReason && exceptionReasonRequired(state, setting.proposal)) errors.exceptionReason = CODING_ERRORS.exceptionReason;

  const otherProfessionalRpps = needsOtherProfessional(state.code) ? compact(state.otherProfessionalRpps) || null : null;

  return {
    coding: {
      code: state.code,
      amountCents: amountCents ?? 0,
      addOns: state.addOns.map((a) => ({ ...a })),
      extraFeeCents,
      otherProfessionalRpps,
      thirdPartyPayment: state.thirdPartyPayment,
      coveragePercent: Number.isFinite(coveragePercent) ? coveragePercent : 0,
      referral: state.referral,
      careException: state.careException || null,
      exceptionReason,
      sickNote,
      patientLocation: state.patientLocation || null,
    },
    errors,
  };
}

export function hasErrors(errors: object): boolean {
  return Object.keys(errors).length > 0;
}

const addOnKey = (addOns: readonly AddOn[]) =>
  [...addOns]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((a) => `${a.code}:${a.amountCents}`)
    .join(',');

/** Whether two codings say the same thing (add-ons in any order; null and empty reasons alike). */
export function sameCoding(a: LineCoding, b: LineCoding): boolean {
  return (
    a.code === b.code &&
    a.amountCents === b.amountCents &&
    addOnKey(a.addOns) === addOnKey(b.addOns) &&
    a.extraFeeCents === b.extraFeeCents &&
    (a.otherProfessionalRpps || null) === (b.otherProfessionalRpps || null) &&
    a.thirdPartyPayment === b.thirdPartyPayment &&
    a.coveragePercent === b.coveragePercent &&
    a.referral === b.referral &&
    (a.careException ?? null) === (b.careException ?? null) &&
    (a.exceptionReason?.trim() || null) === (b.exceptionReason?.trim() || null) &&
    (a.sickNote?.days ?? null) === (b.sickNote?.days ?? null) &&
    (a.sickNote?.inPersonImpossible ?? null) === (b.sickNote?.inPersonImpossible ?? null) &&
    (a.patientLocation ?? null) === (b.patientLocation ?? null)
  );
}

export interface CodeOption {
  value: string;
  /** The fee table's label; null for a current code that is not valid on the date. */
  feeLabel: string | null;
  /** Null when the fee is to confirm (or the code is not valid on the date). */
  amountCents: number | null;
}

/**
 * The act choices: the acts valid on the date of service (once each), plus the current code if it is not
 * among them (a line coded with an act that is not valid on that date: the rules say so).
 */
export function codeOptions(fees: readonly FeeEntry[], current: string): CodeOption[] {
  const seen = new Set<string>();
  const options: CodeOption[] = [];
  for (const fee of actFees(fees)) {
    if (seen.has(fee.code)) continue;
    seen.add(fee.code);
    options.push({ value: fee.code, feeLabel: fee.label, amountCents: fee.amountCents });
  }
  if (current && !seen.has(current)) options.push({ value: current, feeLabel: null, amountCents: null });
  return options;
}
