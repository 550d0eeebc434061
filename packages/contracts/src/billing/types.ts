/**
 * The billing domain's data, shared by the server (authoritative evaluation, storage, export) and the
 * web client (live warnings on the coding screen). Pure data: no I/O here.
 *
 * Amounts are integer cents (EUR). Dates of service are ISO dates (YYYY-MM-DD, Europe/Paris day).
 */

export const PROFESSIONS = ['physician', 'nurse', 'midwife', 'other'] as const;
export type Profession = (typeof PROFESSIONS)[number];

/** Specialty of a physician (NGAP/convention categories that change what they may bill). */
export const SPECIALTIES = ['general_practice', 'psychiatry', 'pediatrics', 'gynecology', 'ophthalmology', 'other_specialty', 'none'] as const;
export type Specialty = (typeof SPECIALTIES)[number];

/** Convention sector: 1, 2 (extra fees allowed), or not under the convention. */
export const SECTORS = ['1', '2', 'non_conventionne'] as const;
export type Sector = (typeof SECTORS)[number];

export interface PractitionerBilling {
  /** 11 digits (F11). */
  rpps: string;
  /** Assurance Maladie practitioner number, 9 digits (F11). */
  amNumber: string;
  profession: Profession;
  specialty: Specialty;
  sector: Sector;
  /** Signed OPTAM (Option pratique tarifaire maîtrisée): sector 2 bills at the agreed fee. */
  optam: boolean;
  firstName: string;
  lastName: string;
}

export const IDENTITY_STATUSES = ['PROV', 'VALI', 'RECUP', 'QUAL'] as const;
export type IdentityStatus = (typeof IDENTITY_STATUSES)[number];

export const INS_OID_NIR = '1.2.250.1.213.1.4.8';
export const INS_OID_NIA = '1.2.250.1.213.1.4.9';
export type InsOid = typeof INS_OID_NIR | typeof INS_OID_NIA;

/** Why a patient may see this doctor outside the care pathway without a penalty (F6). */
export const CARE_PATHWAY_EXCEPTIONS = [
  'direct_access_specialty',
  'under_16',
  'emergency',
  'no_regular_doctor',
  'regular_doctor_unavailable',
  'detainee',
  'care_home_resident',
] as const;
export type CarePathwayException = (typeof CARE_PATHWAY_EXCEPTIONS)[number];

export interface PatientBilling {
  firstName: string;
  lastName: string;
  /** The beneficiary's own date of birth, YYYY-MM-DD. */
  birthDate: string;
  sex: 'male' | 'female' | 'unknown';
  /** INS: the patient's own identity (NIR or NIA, 15 characters with key), exported only when QUAL (F10). */
  ins: string | null;
  insOid: InsOid | null;
  identityStatus: IdentityStatus;
  /** NIR of the insured person (the patient or the person who covers them), 15 characters with key (F9). */
  insuredNir: string | null;
  /** Rank of the beneficiary under the insured person's NIR (1 = the insured person). */
  beneficiaryRank: number;
  /** RPPS of the patient's declared regular doctor (médecin traitant), if any (F6, F7). */
  regularDoctorRpps: string | null;
}

export const MODALITIES = ['video', 'audio', 'none', 'asynchronous'] as const;
/**
 * How the visit really happened: from what the SFU carried (video, audio; `none` when the SFU answered
 * but no media went both ways, e.g. the patient's media never got through) or asynchronous (télé-expertise).
 */
export type Modality = (typeof MODALITIES)[number];

export const PATIENT_LOCATIONS = ['home', 'workplace', 'practice', 'health_facility', 'care_home', 'pharmacy', 'other'] as const;
export type PatientLocation = (typeof PATIENT_LOCATIONS)[number];

export interface AddOn {
  code: string;
  amountCents: number;
}

export interface SickNote {
  days: number;
  /** The patient could not be seen in person (F8 exception). */
  inPersonImpossible: boolean;
}

/** What the doctor (or the biller correcting it) chose for one billed line. */
export interface LineCoding {
  code: string;
  amountCents: number;
  addOns: AddOn[];
  /** Fees above the agreed fee (dépassement), sector 2 not OPTAM only. */
  extraFeeCents: number;
  /** RPPS of the other professional: the requesting doctor for TE2, the assisted doctor for TLS/TLL/TLD (F5). */
  otherProfessionalRpps: string | null;
  /** Paid directly by the Assurance Maladie (tiers payant). */
  thirdPartyPayment: boolean;
  /** Share paid by the Assurance Maladie, in percent (70 usually; 100 for TE2/RQD, ALD, maternity...). */
  coveragePercent: number;
  /** The patient was referred by their regular doctor (F6). */
  referral: boolean;
  careException: CarePathwayException | null;
  /** Free text the doctor gives with an exception or a choice against the proposal. */
  exceptionReason: string | null;
  sickNote: SickNote | null;
  /** Where the patient was during the visit (the doctor records it; place of service in exports). */
  patientLocation: PatientLocation | null;
}

/** Facts about the visit that the rules read, fixed by the system (not typed by the doctor). */
export interface VisitFacts {
  visitId: string;
  /** YYYY-MM-DD, the day the visit took place (Europe/Paris). */
  dateOfService: string;
  /** Null when nothing was recorded (the SFU was unreachable): F1 then blocks until a biller records it. */
  modality: Modality | null;
}

/** Counts from the database that F7 and F13 need; absent means unknown (the rule then warns so). */
export interface LineContext {
  /**
   * F7: this doctor's teleconsultations in the calendar year of the service that count toward the cap
   * (excluding a GP's own patients and télé-expertise), including this line if it counts, and the doctor's
   * declared reimbursed activity for the year (all acts). Null total: not declared.
   */
  teleconsultationShare?: { year: number; countable: number; declaredTotalActs: number | null };
  /** F13: TE2 lines for this patient with the same requesting doctor in the calendar year, including this one. */
  te2CountForPatientAndRequester?: number;
}

/** Everything the rules evaluate; also what an exported line carries (a frozen snapshot). */
export interface BillingLineInput {
  practitioner: PractitionerBilling;
  patient: PatientBilling;
  visit: VisitFacts;
  coding: LineCoding;
  context: LineContext;
}

export const RULE_IDS = ['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10', 'F11', 'F12', 'F13'] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** E blocks the export of the line; W must be acknowledged by the biller before export. */
export type RuleSeverity = 'error' | 'warning';

/** One failed rule (a passing rule leaves no result). */
export interface RuleResult {
  rule: RuleId;
  severity: RuleSeverity;
  /** Starts with the rule id, in French-practice English the biller reads, e.g. "F1: ...". */
  message: string;
  /** Which input the biller should correct: 'coding.code', 'patient.insuredNir', 'practitioner.rpps'... */
  field?: string;
}

export interface Evaluation {
  results: RuleResult[];
  hasErrors: boolean;
  hasWarnings: boolean;
  /** Version of the fee table the evaluation priced against. */
  feeTableVersion: string;
  /** Version of the rule set (bumped when a rule changes). */
  rulesVersion: string;
}

export type FeeKind = 'act' | 'addon';

export interface FeeEntry {
  code: string;
  kind: FeeKind;
  label: string;
  /** First day of validity, inclusive (YYYY-MM-DD). */
  validFrom: string;
  /** Last day of validity, inclusive; null = still in force. */
  validTo: string | null;
  /** Null when the fee is not known ("to confirm"): the biller enters it and F3 warns. */
  amountCents: number | null;
  /** The entry is from a source marked "to confirm" (amount or conditions). */
  toConfirm: boolean;
  /** Source, e.g. "NGAP art. 14.9.3; ameli.fr". */
  source: string;
}

/** Overseas coefficients (to confirm): stored, shown, not yet applied to the amount. */
export interface RegionalCoefficient {
  region: 'metropole' | 'antilles_guyane' | 'reunion' | 'mayotte';
  coefficient: number | null;
  toConfirm: boolean;
}

/** What the coding screen proposes from profession, sector and modality. */
export interface CodeProposal {
  /** Null when nothing is billable as proposed (e.g. an audio-only visit: F1). */
  code: string | null;
  amountCents: number | null;
  /** Why this code (or why none), shown to the doctor. */
  reason: string;
}
