import type { BillingLineInput, Evaluation, RuleResult } from '@visite/contracts';
import { CODING, GP, lineView, PATIENT } from './billing-fixtures';
import { evaluateLive, resultsToShow, sortResults, type LineBase } from './live-evaluation';

const base: LineBase = { practitioner: GP, patient: PATIENT, visit: { visitId: 'visit-1', dateOfService: '2025-06-03', modality: 'audio' }, context: {} };
const f1: RuleResult = { rule: 'F1', severity: 'error', message: 'F1: audio only' };
const f6: RuleResult = { rule: 'F6', severity: 'warning', message: 'F6: care pathway' };
const f11: RuleResult = { rule: 'F11', severity: 'error', message: 'F11: RPPS' };
const f13: RuleResult = { rule: 'F13', severity: 'warning', message: 'F13: count' };

const evaluation = (results: RuleResult[]): Evaluation => ({
  results,
  hasErrors: results.some((r) => r.severity === 'error'),
  hasWarnings: results.some((r) => r.severity === 'warning'),
  feeTableVersion: 't',
  rulesVersion: 't',
});

describe('evaluateLive', () => {
  it('gives the rules the whole line and sorts what fails', () => {
    let seen: BillingLineInput | null = null;
    const result = evaluateLive(base, CODING, (input) => {
      seen = input;
      return evaluation([f13, f6, f11, f1]);
    });
    expect(seen).toEqual({ ...base, coding: CODING });
    expect(result).toEqual({ status: 'evaluated', results: [f1, f11, f6, f13] });
  });

  it('cannot run without the practitioner billing profile', () => {
    const evaluate = jest.fn();
    expect(evaluateLive({ ...base, practitioner: null }, CODING, evaluate)).toEqual({ status: 'no-practitioner' });
    expect(evaluate).not.toHaveBeenCalled();
  });

  it('reports rules that throw instead of breaking the screen', () => {
    expect(
      evaluateLive(base, CODING, () => {
        throw new Error('boom');
      }),
    ).toEqual({ status: 'failed', message: 'boom' });
  });
});

describe('sortResults', () => {
  it('puts errors first, then rule order, without changing its input', () => {
    const input = [f6, f13, f11, f1];
    expect(sortResults(input).map((r) => r.rule)).toEqual(['F1', 'F11', 'F6', 'F13']);
    expect(input.map((r) => r.rule)).toEqual(['F6', 'F13', 'F11', 'F1']);
  });
});

describe('resultsToShow', () => {
  const live = { status: 'evaluated' as const, results: [f6] };
  const saved = lineView({ results: [f6, f1] });

  it('shows the live results before anything is saved', () => {
    expect(resultsToShow(null, CODING, PATIENT, live)).toEqual({ source: 'live', evaluation: live });
  });

  it("shows the server's results while the form says what was saved", () => {
    expect(resultsToShow(saved, { ...CODING }, { ...PATIENT }, live)).toEqual({ source: 'server', results: [f1, f6] });
  });

  it('goes back to live results when the coding or the identity changes', () => {
    expect(resultsToShow(saved, { ...CODING, amountCents: 1 }, PATIENT, live).source).toBe('live');
    expect(resultsToShow(saved, CODING, { ...PATIENT, beneficiaryRank: 2 }, live).source).toBe('live');
  });
});
