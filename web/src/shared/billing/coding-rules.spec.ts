import { evaluateLine, feesValidOn, proposeCode } from '@visite/billing';
import type { LineCoding, Modality, PractitionerBilling } from '@visite/contracts';
import { GP, PATIENT } from './billing-fixtures';
import { initialCodingForm, readCodingForm, withCode, type CodingSetting } from './coding-form-state';
import { evaluateLive, type LineBase } from './live-evaluation';

/** The form's defaults against the real fee table and rules of @visite/billing. */
const DATE = '2025-06-03';

function setup(practitioner: PractitionerBilling, modality: Modality | null) {
  const setting: CodingSetting = { practitioner, proposal: proposeCode(practitioner, modality, DATE), fees: feesValidOn(DATE) };
  const base: LineBase = {
    practitioner,
    patient: { ...PATIENT, regularDoctorRpps: practitioner.rpps },
    visit: { visitId: 'v1', dateOfService: DATE, modality },
    context: {},
  };
  return { setting, base };
}

const rulesOf = (base: LineBase, coding: LineCoding) => {
  const live = evaluateLive(base, coding, evaluateLine);
  if (live.status !== 'evaluated') throw new Error(live.status);
  return live.results.map((r) => `${r.rule}:${r.severity}`);
};

describe('the coding form with the real rules', () => {
  it("pre-fills a GP's video visit with the proposal: nothing to correct for the patient's regular doctor", () => {
    const { setting, base } = setup(GP, 'video');
    const state = initialCodingForm(setting, null);
    expect(state.code).toBe('TCG');
    const { coding, errors } = readCodingForm({ ...state, patientLocation: 'home' }, setting);
    expect(errors).toEqual({});
    expect(rulesOf(base, coding)).toEqual([]);
  });

  it('offers only acts and add-ons valid on the date of service, priced', () => {
    const { setting } = setup(GP, 'video');
    expect(setting.fees.every((f) => f.validFrom <= DATE && (f.validTo === null || DATE <= f.validTo))).toBe(true);
    expect(setting.fees.some((f) => f.code === 'TCG' && f.kind === 'act')).toBe(true);
  });

  it('proposes nothing for an audio-only visit, and the rules block a teleconsultation code (F1)', () => {
    const { setting, base } = setup(GP, 'audio');
    const state = initialCodingForm(setting, null);
    expect(state.code).toBe('');
    const { coding, errors } = readCodingForm(withCode(state, 'TCG', setting.fees), setting);
    expect(errors).toEqual({});
    expect(rulesOf(base, coding)).toContain('F1:error');
  });

  it('gives TE2 and RQD the coverage and tiers payant rule F4 expects', () => {
    const { setting, base } = setup(GP, 'asynchronous');
    for (const code of ['TE2', 'RQD']) {
      const state = { ...withCode(initialCodingForm(setting, null), code, setting.fees), otherProfessionalRpps: '22222222222', exceptionReason: 'asked' };
      const { coding } = readCodingForm(state, setting);
      expect(rulesOf(base, coding).filter((r) => r.startsWith('F4') || r.startsWith('F3'))).toEqual([]);
    }
  });

  it('shows the amount the rules check: a changed amount fails F3', () => {
    const { setting, base } = setup(GP, 'video');
    const { coding } = readCodingForm({ ...initialCodingForm(setting, null), amount: '99' }, setting);
    expect(rulesOf(base, coding)).toContain('F3:error');
  });
});
