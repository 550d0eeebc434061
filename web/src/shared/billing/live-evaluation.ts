import type {
  BillingLineInput,
  BillingLineView,
  Evaluation,
  LineCoding,
  LineContext,
  PatientBilling,
  PractitionerBilling,
  RuleResult,
  VisitFacts,
} from '@visite/contracts';
import { sameCoding } from './coding-form-state';

/** Everything the rules read besides the coding being typed. */
export interface LineBase {
  practitioner: PractitionerBilling | null;
  patient: PatientBilling;
  visit: VisitFacts;
  context: LineContext;
}

export type LiveEvaluation =
  | { status: 'evaluated'; results: RuleResult[] }
  /** The rules need the practitioner's billing profile. */
  | { status: 'no-practitioner' }
  | { status: 'failed'; message: string };

/** Runs the rules in the browser (the server evaluates again, authoritatively, on save). */
export function evaluateLive(base: LineBase, coding: LineCoding, evaluate: (input: BillingLineInput) => Evaluation): LiveEvaluation {
  if (!base.practitioner) return { status: 'no-practitioner' };
  try {
    const evaluation = evaluate({ practitioner: base.practitioner, patient: base.patient, visit: base.visit, context: base.context, coding });
    return { status: 'evaluated', results: sortResults(evaluation.results) };
  } catch (error) {
    return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

const ruleNumber = (result: RuleResult) => Number(result.rule.slice(1)) || 0;

/** Errors first, then warnings, each in rule order (F1, F2 … F13). */
export function sortResults(results: readonly RuleResult[]): RuleResult[] {
  return [...results].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || ruleNumber(a) - ruleNumber(b));
}

/**
 * Which results to show under the form: the server's, for the saved line, while the form still says what
 * was saved (and the patient is the one it was evaluated with); the live ones as soon as anything changes.
 */
export function resultsToShow(
  saved: BillingLineView | null,
  coding: LineCoding,
  patient: PatientBilling,
  live: LiveEvaluation,
): { source: 'server'; results: RuleResult[] } | { source: 'live'; evaluation: LiveEvaluation } {
  if (saved && sameCoding(saved.input.coding, coding) && samePatient(saved.input.patient, patient)) {
    return { source: 'server', results: sortResults(saved.results) };
  }
  return { source: 'live', evaluation: live };
}

function samePatient(a: PatientBilling, b: PatientBilling): boolean {
  return (
    a.sex === b.sex &&
    a.identityStatus === b.identityStatus &&
    (a.insuredNir ?? null) === (b.insuredNir ?? null) &&
    a.beneficiaryRank === b.beneficiaryRank &&
    (a.ins ?? null) === (b.ins ?? null) &&
    (a.insOid ?? null) === (b.insOid ?? null) &&
    (a.regularDoctorRpps ?? null) === (b.regularDoctorRpps ?? null)
  );
}
