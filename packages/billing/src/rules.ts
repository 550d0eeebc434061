import {
  RULE_IDS,
  type BillingLineInput,
  type Evaluation,
  type PatientBilling,
  type PractitionerBilling,
  type RuleId,
  type RuleResult,
  type RuleSeverity,
} from '@visite/contracts';
import { ageOn, dayAfter, isIsoDate } from './dates';
import {
  FEE_TABLE_VERSION,
  NURSE_ASSISTANCE_CODES,
  feeHistory,
  feeOn,
  formatCents,
  isKnownCode,
  isTeleconsultationCode,
} from './fee-table';
import { checkNir, insProblems } from './nir';

export { ageOn } from './dates';

/**
 * The billing rules F1-F13 for one line. Every rule reads the same frozen input and returns its failures
 * (a passing rule returns nothing); `evaluateLine` runs them all in order. Bump RULES_VERSION whenever a
 * rule's outcome can change for the same input.
 */
export const RULES_VERSION = '2026-11-v1';

export const RULE_SUMMARIES: Record<RuleId, { severity: RuleSeverity; summary: string }> = {
  F1: { severity: 'error', summary: 'Teleconsultation acts (TCG, TC, TCS) and nurse assistance (TLS, TLL, TLD) need a video visit; audio-only, asynchronous or unrecorded visits are not billable as such.' },
  F2: { severity: 'error', summary: "The code matches the practitioner's profession, specialty and sector (TCG: GP at the agreed fee; TC: sector 2 without OPTAM; TCS: specialist, sector 1 or OPTAM; TLS/TLL/TLD: nurse); non-conventionné practitioners bill none; extra fees only in sector 2 without OPTAM; MOP only for physicians." },
  F3: { severity: 'error', summary: 'The amount (and each add-on) equals the fee in force on the date of service; a fee marked "to confirm" gives a warning; MOP needs a patient aged 80+ who is not on the doctor\'s list.' },
  F4: { severity: 'error', summary: 'Télé-expertise (TE2, RQD): no add-on, no extra fee, third-party payment and 100% coverage.' },
  F5: { severity: 'error', summary: "TE2 and nurse assistance (TLS, TLL, TLD) need the other professional's RPPS (11 digits, not the practitioner's own)." },
  F6: { severity: 'warning', summary: "Teleconsultations follow the care pathway: the patient's regular doctor, a referral, a recorded exception, a patient under 16 or a direct-access specialty." },
  F7: { severity: 'warning', summary: "A doctor's teleconsultations (except a GP's with their own patients) stay within 20% of the declared yearly activity (40% for psychiatrists)." },
  F8: { severity: 'warning', summary: 'A sick note issued in teleconsultation by a doctor other than the regular doctor is limited to 3 days, unless the patient could not be seen in person.' },
  F9: { severity: 'error', summary: "The insured person's NIR is present and valid (15 characters, key), and the beneficiary rank is 1 to 99." },
  F10: { severity: 'error', summary: 'A qualified identity (QUAL) has a valid INS with the OID of its kind (NIR or NIA).' },
  F11: { severity: 'error', summary: "The practitioner's RPPS is 11 digits and their Assurance Maladie number 9 digits." },
  F12: { severity: 'error', summary: 'The code and each add-on are in the fee table and valid on the date of service.' },
  F13: { severity: 'warning', summary: 'No more than 4 TE2 a year for the same patient and the same requesting doctor.' },
};

type Rule = (line: BillingLineInput) => RuleResult[];

function result(rule: RuleId, severity: RuleSeverity, message: string, field?: string): RuleResult {
  const base = { rule, severity, message: `${rule}: ${message}` };
  return field ? { ...base, field } : base;
}

function error(rule: RuleId, message: string, field?: string): RuleResult {
  return result(rule, 'error', message, field);
}

function warning(rule: RuleId, message: string, field?: string): RuleResult {
  return result(rule, 'warning', message, field);
}

// ---------------------------------------------------------------------------------------------------
// Shared facts

/** Codes that are live video acts (F1). */
const VIDEO_CODES: readonly string[] = ['TCG', 'TC', 'TCS', ...NURSE_ASSISTANCE_CODES];
/** Télé-expertise codes paid in full by the Assurance Maladie (F4). */
const FULLY_COVERED_CODES: readonly string[] = ['TE2', 'RQD'];
/** Codes that need the other professional's RPPS (F5). */
const OTHER_PROFESSIONAL_CODES: readonly string[] = ['TE2', ...NURSE_ASSISTANCE_CODES];

const RPPS = /^\d{11}$/;
const AM_NUMBER = /^\d{9}$/;

/** The patient declared this practitioner as their regular doctor (médecin traitant). */
function isRegularDoctor(patient: Pick<PatientBilling, 'regularDoctorRpps'>, practitioner: Pick<PractitionerBilling, 'rpps'>): boolean {
  return !!patient.regularDoctorRpps && patient.regularDoctorRpps === practitioner.rpps;
}

/** Sector 2 without OPTAM: the only practitioners who may charge above the agreed fee. */
function chargesExtraFees(practitioner: PractitionerBilling): boolean {
  return practitioner.sector === '2' && !practitioner.optam;
}

/** Age on the date of service, or null when a date is malformed. */
function ageOnService(line: BillingLineInput): number | null {
  if (!isIsoDate(line.patient.birthDate) || !isIsoDate(line.visit.dateOfService)) return null;
  return ageOn(line.patient.birthDate, line.visit.dateOfService);
}

function practitionerName(practitioner: PractitionerBilling): string {
  const name = `${practitioner.firstName} ${practitioner.lastName}`.trim();
  return practitioner.profession === 'physician' ? `Dr ${name}` : name;
}

/**
 * Whether the line counts toward the doctor's teleconsultation share (F7): TCG, TC and TCS count, except a
 * GP's teleconsultations with their own patients; télé-expertise and nurse assistance never count.
 */
export function countsTowardTeleconsultationShare(input: Pick<BillingLineInput, 'practitioner' | 'patient' | 'coding'>): boolean {
  if (!isTeleconsultationCode(input.coding.code)) return false;
  const gpWithOwnPatient = input.practitioner.specialty === 'general_practice' && isRegularDoctor(input.patient, input.practitioner);
  return !gpWithOwnPatient;
}

// ---------------------------------------------------------------------------------------------------
// F1: live video acts need a video visit

const checkModality: Rule = ({ visit, coding }) => {
  if (!VIDEO_CODES.includes(coding.code)) return [];
  switch (visit.modality) {
    case 'video':
      return [];
    case null:
      return [error('F1', `the visit's modality was not recorded; a biller must record it before the line can be exported (${coding.code} needs video)`, 'visit.modality')];
    case 'none':
      return [error('F1', `no media went both ways during this visit: ${coding.code} needs a video consultation that took place`, 'visit.modality')];
    case 'audio':
      return [error('F1', `audio-only visits are not billable as a teleconsultation: ${coding.code} needs video (the media carried was audio only)`, 'visit.modality')];
    case 'asynchronous':
      return [error('F1', `${coding.code} is a live video act, but the visit was asynchronous: bill a télé-expertise (TE2 or RQD) instead`, 'coding.code')];
    default:
      return [error('F1', `the visit's modality "${String(visit.modality)}" is not one of video, audio, none, asynchronous (${coding.code} needs video)`, 'visit.modality')];
  }
};

// ---------------------------------------------------------------------------------------------------
// F2: the code matches profession, specialty and sector

/** Why this practitioner may not bill `code` at all, or null when they may (unknown codes: F12). */
function codeIneligibility(code: string, practitioner: PractitionerBilling, extraFeeCents: number): string | null {
  const { profession, specialty, sector, optam } = practitioner;
  const physician = profession === 'physician';
  switch (code) {
    case 'TCG':
      if (!physician) return `TCG is a physician's act; a ${profession} cannot bill it`;
      if (specialty !== 'general_practice') return 'TCG is the general practitioner\'s teleconsultation; a specialist bills TCS (or TC in sector 2 without OPTAM)';
      if (sector === '2' && !optam && extraFeeCents > 0) return 'a sector 2 doctor without OPTAM who charges above the agreed fee bills TC, not TCG';
      return null;
    case 'TC':
      if (!physician) return `TC is a physician's act; a ${profession} cannot bill it`;
      if (sector !== '2' || optam) return `TC is for sector 2 doctors without OPTAM; this doctor (sector ${sector}${optam ? ', OPTAM' : ''}) bills ${specialty === 'general_practice' ? 'TCG' : 'TCS'}`;
      return null;
    case 'TCS':
      if (!physician) return `TCS is a physician's act; a ${profession} cannot bill it`;
      if (specialty === 'general_practice') return 'TCS is the specialist\'s teleconsultation; a general practitioner bills TCG';
      if (specialty === 'none') return 'TCS is the specialist\'s teleconsultation, but the practitioner\'s specialty is not set';
      if (sector === '2' && !optam) return 'a sector 2 specialist without OPTAM bills TC, not TCS';
      return null;
    case 'TE1':
    case 'TE2':
      return physician ? null : `${code} is billed by the physician giving the opinion; a ${profession} asking for one bills RQD`;
    case 'RQD':
      return null; // any professional who asks for the opinion
    case 'TLS':
    case 'TLL':
    case 'TLD':
      return profession === 'nurse' ? null : `${code} is the nurse's assistance to a teleconsultation; a ${profession} cannot bill it`;
    default:
      return null;
  }
}

const checkEligibility: Rule = ({ practitioner, coding }) => {
  if (practitioner.sector === 'non_conventionne') {
    return [error('F2', `a practitioner outside the convention (non conventionné) cannot bill ${coding.code} or any teleconsultation code`, 'practitioner.sector')];
  }
  const results: RuleResult[] = [];
  const ineligible = codeIneligibility(coding.code, practitioner, coding.extraFeeCents);
  if (ineligible) results.push(error('F2', ineligible, 'coding.code'));
  for (const addOn of coding.addOns) {
    if (addOn.code === 'MOP' && practitioner.profession !== 'physician') {
      results.push(error('F2', `the add-on MOP is for physicians; a ${practitioner.profession} cannot bill it`, 'coding.addOns'));
    }
  }
  if (!Number.isInteger(coding.extraFeeCents) || coding.extraFeeCents < 0) {
    results.push(error('F2', `the extra fee must be a whole number of cents, 0 or more (got ${coding.extraFeeCents})`, 'coding.extraFeeCents'));
  } else if (coding.extraFeeCents > 0 && !chargesExtraFees(practitioner)) {
    results.push(error('F2', `an extra fee (${formatCents(coding.extraFeeCents)}) is allowed only in sector 2 without OPTAM; this practitioner bills at the agreed fee`, 'coding.extraFeeCents'));
  }
  return results;
};

// ---------------------------------------------------------------------------------------------------
// F3: amounts equal the fee in force on the date of service; MOP's conditions

function checkActAmount({ visit, coding }: BillingLineInput): RuleResult[] {
  const fee = feeOn(coding.code, visit.dateOfService);
  if (!fee || fee.kind !== 'act') return []; // F12
  const date = visit.dateOfService;
  if (fee.amountCents === null) {
    if (!Number.isInteger(coding.amountCents) || coding.amountCents <= 0) {
      return [error('F3', `the fee of ${coding.code} on ${date} is not in the fee table: enter the amount billed (more than 0)`, 'coding.amountCents')];
    }
    return [warning('F3', `the fee of ${coding.code} on ${date} is not confirmed in the fee table: check the amount (${formatCents(coding.amountCents)} entered)`, 'coding.amountCents')];
  }
  if (coding.amountCents !== fee.amountCents) {
    return [error('F3', `${coding.code} on ${date} is ${formatCents(fee.amountCents)} in the fee table, not ${formatCents(coding.amountCents)}`, 'coding.amountCents')];
  }
  if (fee.toConfirm) {
    return [warning('F3', `the fee of ${coding.code} on ${date} (${formatCents(fee.amountCents)}) is marked "to confirm" in the fee table: confirm the amount`, 'coding.amountCents')];
  }
  return [];
}

function checkAddOnAmounts({ visit, coding }: BillingLineInput): RuleResult[] {
  const results: RuleResult[] = [];
  const date = visit.dateOfService;
  const seen = new Set<string>();
  for (const addOn of coding.addOns) {
    if (seen.has(addOn.code)) {
      results.push(error('F3', `the add-on ${addOn.code} is billed more than once`, 'coding.addOns'));
      continue;
    }
    seen.add(addOn.code);
    const history = feeHistory(addOn.code);
    if (history.length === 0 || history.some((fee) => fee.kind !== 'addon')) {
      results.push(error('F3', `${addOn.code} is not an add-on in the fee table`, 'coding.addOns'));
      continue;
    }
    const fee = feeOn(addOn.code, date);
    if (!fee) continue; // known add-on out of validity: F12
    if (fee.amountCents === null) {
      results.push(warning('F3', `the fee of the add-on ${addOn.code} on ${date} is not confirmed in the fee table: check the amount`, 'coding.addOns'));
    } else if (addOn.amountCents !== fee.amountCents) {
      results.push(error('F3', `the add-on ${addOn.code} on ${date} is ${formatCents(fee.amountCents)} in the fee table, not ${formatCents(addOn.amountCents)}`, 'coding.addOns'));
    } else if (fee.toConfirm) {
      results.push(warning('F3', `the add-on ${addOn.code} on ${date} is marked "to confirm" in the fee table (with ${coding.code}): confirm it applies`, 'coding.addOns'));
    }
  }
  return results;
}

/** MOP (majoration personnes âgées): a patient aged 80 or over who is not on the doctor's list. */
function checkMopConditions(line: BillingLineInput): RuleResult[] {
  if (!line.coding.addOns.some((addOn) => addOn.code === 'MOP')) return [];
  const results: RuleResult[] = [];
  const age = ageOnService(line);
  if (age === null) {
    results.push(error('F3', `MOP needs a patient aged 80 or over, but the patient's birth date (${line.patient.birthDate}) is not a valid date`, 'coding.addOns'));
  } else if (age < 80) {
    results.push(error('F3', `MOP needs a patient aged 80 or over on the date of service; the patient is ${age}`, 'coding.addOns'));
  }
  if (isRegularDoctor(line.patient, line.practitioner)) {
    results.push(error('F3', `MOP is for patients who are not on the doctor's list, but ${practitionerName(line.practitioner)} is this patient's regular doctor`, 'coding.addOns'));
  }
  return results;
}

const checkAmounts: Rule = (line) => [...checkActAmount(line), ...checkAddOnAmounts(line), ...checkMopConditions(line)];

// ---------------------------------------------------------------------------------------------------
// F4: télé-expertise is paid in full by the Assurance Maladie, with nothing added

const checkTeleExpertisePayment: Rule = ({ coding }) => {
  if (!FULLY_COVERED_CODES.includes(coding.code)) return [];
  const results: RuleResult[] = [];
  if (coding.addOns.length > 0) {
    results.push(error('F4', `${coding.code} takes no add-on (remove ${coding.addOns.map((addOn) => addOn.code).join(', ')})`, 'coding.addOns'));
  }
  if (coding.extraFeeCents !== 0) {
    results.push(error('F4', `${coding.code} takes no extra fee (${formatCents(coding.extraFeeCents)} entered)`, 'coding.extraFeeCents'));
  }
  if (!coding.thirdPartyPayment) {
    results.push(error('F4', `${coding.code} is paid directly by the Assurance Maladie: set third-party payment`, 'coding.thirdPartyPayment'));
  }
  if (coding.coveragePercent !== 100) {
    results.push(error('F4', `${coding.code} is covered at 100%, not ${coding.coveragePercent}%`, 'coding.coveragePercent'));
  }
  return results;
};

// ---------------------------------------------------------------------------------------------------
// F5: the other professional's RPPS

const checkOtherProfessional: Rule = ({ practitioner, coding }) => {
  if (!OTHER_PROFESSIONAL_CODES.includes(coding.code)) return [];
  const who = coding.code === 'TE2' ? 'the doctor who asked for the opinion' : 'the doctor whose teleconsultation the nurse assisted';
  const rpps = coding.otherProfessionalRpps;
  if (!rpps) return [error('F5', `${coding.code} needs the RPPS of ${who}`, 'coding.otherProfessionalRpps')];
  if (!RPPS.test(rpps)) return [error('F5', `the RPPS of ${who} must be 11 digits, got "${rpps}"`, 'coding.otherProfessionalRpps')];
  if (rpps === practitioner.rpps) {
    return [error('F5', `the RPPS of ${who} is the practitioner's own; ${coding.code} involves another professional`, 'coding.otherProfessionalRpps')];
  }
  return [];
};

// ---------------------------------------------------------------------------------------------------
// F6: care pathway (parcours de soins)

/** Specialties the patient may see directly, without a referral, at the patient's age (null: unknown age). */
function isDirectAccess(practitioner: PractitionerBilling, age: number | null): boolean {
  switch (practitioner.specialty) {
    case 'gynecology':
    case 'ophthalmology':
      return true;
    case 'psychiatry':
      return age !== null && age < 26; // direct access for patients aged 16 to 25
    default:
      return false;
  }
}

const checkCarePathway: Rule = (line) => {
  const { practitioner, patient, coding } = line;
  if (!isTeleconsultationCode(coding.code)) return [];
  if (isRegularDoctor(patient, practitioner) || coding.referral || coding.careException !== null) return [];
  const age = ageOnService(line);
  // Under 16 covers the pediatrician's patients as well: the care pathway starts at 16.
  if (age !== null && age < 16) return [];
  if (isDirectAccess(practitioner, age)) return [];
  return [
    warning(
      'F6',
      `the patient is outside the care pathway: ${practitionerName(practitioner)} is not their regular doctor and no referral or exception is recorded; record the regular doctor's referral or a care-pathway exception (emergency, no regular doctor, regular doctor unavailable...), or the patient will be reimbursed less`,
      'coding.careException',
    ),
  ];
};

// ---------------------------------------------------------------------------------------------------
// F7: the teleconsultation share of the doctor's yearly activity

/** The share's limit in percent of the declared activity. */
export function teleconsultationShareLimitPercent(practitioner: Pick<PractitionerBilling, 'specialty'>): number {
  return practitioner.specialty === 'psychiatry' ? 40 : 20;
}

/** One decimal, or two when one would round down onto the limit ("20.0%" for 20.04% reads as within it). */
function formatPercent(percent: number, limit: number): string {
  const oneDecimal = percent.toFixed(1);
  return Number(oneDecimal) > limit ? oneDecimal : percent.toFixed(2);
}

const checkTeleconsultationShare: Rule = (line) => {
  const share = line.context.teleconsultationShare;
  if (!share || !countsTowardTeleconsultationShare(line)) return [];
  const name = practitionerName(line.practitioner);
  const field = 'context.teleconsultationShare';
  if (!share.declaredTotalActs || share.declaredTotalActs <= 0) {
    return [warning('F7', `${name}'s declared activity for ${share.year} is missing: the share cannot be checked; record the year's declared acts in the practitioner's billing profile`, field)];
  }
  const limit = teleconsultationShareLimitPercent(line.practitioner);
  // Compare in integers (countable / total > limit / 100) so that exactly the limit passes.
  if (share.countable * 100 <= limit * share.declaredTotalActs) return [];
  const percent = (share.countable / share.declaredTotalActs) * 100;
  return [
    warning(
      'F7',
      `${name}'s teleconsultations are ${formatPercent(percent, limit)}% of the declared activity for ${share.year} (limit ${limit}%; ${share.countable} of ${share.declaredTotalActs} acts)`,
      field,
    ),
  ];
};

// ---------------------------------------------------------------------------------------------------
// F8: sick notes in teleconsultation

const SICK_NOTE_MAX_DAYS = 3;

const checkSickNote: Rule = ({ practitioner, patient, coding }) => {
  const note = coding.sickNote;
  if (!note || note.days <= SICK_NOTE_MAX_DAYS) return [];
  if (isRegularDoctor(patient, practitioner) || note.inPersonImpossible) return [];
  return [
    warning(
      'F8',
      `a sick note issued in teleconsultation by a doctor other than the regular doctor is limited to ${SICK_NOTE_MAX_DAYS} days (${note.days} given): shorten it, or record that the patient could not be seen in person`,
      'coding.sickNote',
    ),
  ];
};

// ---------------------------------------------------------------------------------------------------
// F9: the insured person's NIR and the beneficiary rank

const checkInsured: Rule = ({ patient }) => {
  const results: RuleResult[] = [];
  if (!patient.insuredNir) {
    results.push(error('F9', "the insured person's NIR is missing: record it from the patient's carte Vitale or attestation", 'patient.insuredNir'));
  } else {
    const check = checkNir(patient.insuredNir);
    if (!check.valid) results.push(error('F9', `the insured person's NIR is invalid. ${check.reason}`, 'patient.insuredNir'));
  }
  if (!Number.isInteger(patient.beneficiaryRank) || patient.beneficiaryRank < 1 || patient.beneficiaryRank > 99) {
    results.push(error('F9', `the beneficiary rank must be a whole number from 1 to 99 (1 = the insured person), got ${patient.beneficiaryRank}`, 'patient.beneficiaryRank'));
  }
  return results;
};

// ---------------------------------------------------------------------------------------------------
// F10: the INS of a qualified identity

const checkIns: Rule = ({ patient }) => insProblems(patient).map((problem) => error('F10', problem.message, problem.field));

// ---------------------------------------------------------------------------------------------------
// F11: the practitioner's identifiers

const checkPractitionerNumbers: Rule = ({ practitioner }) => {
  const results: RuleResult[] = [];
  if (!RPPS.test(practitioner.rpps)) {
    results.push(error('F11', `the practitioner's RPPS must be 11 digits, got "${practitioner.rpps}"`, 'practitioner.rpps'));
  }
  if (!AM_NUMBER.test(practitioner.amNumber)) {
    results.push(error('F11', `the practitioner's Assurance Maladie number must be 9 digits, got "${practitioner.amNumber}"`, 'practitioner.amNumber'));
  }
  return results;
};

// ---------------------------------------------------------------------------------------------------
// F12: codes known and valid on the date of service

/** Why a known code has no entry on `date`: before its first entry, after its last, or in a gap. */
function outOfValidity(code: string, date: string): string {
  const history = feeHistory(code);
  const first = history[0];
  const last = history[history.length - 1];
  if (date < first.validFrom) return `${code} is not valid for services before ${first.validFrom} (date of service ${date})`;
  if (last.validTo !== null && date > last.validTo) {
    return `${code} is not valid for services from ${dayAfter(last.validTo)} (date of service ${date})`;
  }
  return `${code} has no fee in force on ${date}`;
}

const checkCodesValid: Rule = ({ visit, coding }) => {
  const date = visit.dateOfService;
  if (!isIsoDate(date)) {
    return [error('F12', `the date of service "${date}" is not a valid date (YYYY-MM-DD): no fee can be looked up`, 'visit.dateOfService')];
  }
  const results: RuleResult[] = [];
  if (!isKnownCode(coding.code)) {
    results.push(error('F12', `${coding.code || '(empty)'} is not a code in the fee table`, 'coding.code'));
  } else if (feeHistory(coding.code).some((fee) => fee.kind !== 'act')) {
    results.push(error('F12', `${coding.code} is an add-on, not an act: choose an act and add ${coding.code} as an add-on`, 'coding.code'));
  } else if (!feeOn(coding.code, date)) {
    results.push(error('F12', outOfValidity(coding.code, date), 'coding.code'));
  }
  // Unknown add-ons are F3's; here, known add-ons out of validity.
  for (const addOn of coding.addOns) {
    if (isKnownCode(addOn.code) && !feeOn(addOn.code, date)) results.push(error('F12', outOfValidity(addOn.code, date), 'coding.addOns'));
  }
  return results;
};

// ---------------------------------------------------------------------------------------------------
// F13: TE2 per patient and requesting doctor

const TE2_PER_YEAR = 4;

const checkTeleExpertiseCount: Rule = ({ coding, context }) => {
  const count = context.te2CountForPatientAndRequester;
  if (coding.code !== 'TE2' || count === undefined || count <= TE2_PER_YEAR) return [];
  return [
    warning(
      'F13',
      `this is TE2 number ${count} this year for this patient with the same requesting doctor (${TE2_PER_YEAR} a year expected): check that it is justified`,
      'coding.code',
    ),
  ];
};

// ---------------------------------------------------------------------------------------------------

const RULES: Record<RuleId, Rule> = {
  F1: checkModality,
  F2: checkEligibility,
  F3: checkAmounts,
  F4: checkTeleExpertisePayment,
  F5: checkOtherProfessional,
  F6: checkCarePathway,
  F7: checkTeleconsultationShare,
  F8: checkSickNote,
  F9: checkInsured,
  F10: checkIns,
  F11: checkPractitionerNumbers,
  F12: checkCodesValid,
  F13: checkTeleExpertiseCount,
};

/** Runs F1-F13 on one line and returns the failures, in rule order. */
export function evaluateLine(input: BillingLineInput): Evaluation {
  const results = RULE_IDS.flatMap((id) => RULES[id](input));
  return {
    results,
    hasErrors: results.some((result) => result.severity === 'error'),
    hasWarnings: results.some((result) => result.severity === 'warning'),
    feeTableVersion: FEE_TABLE_VERSION,
    rulesVersion: RULES_VERSION,
  };
}
