import { CODING, FEES, fee, GP, PROPOSAL } from './billing-fixtures';
import {
  allowsExtraFee,
  CODING_ERRORS,
  codeOptions,
  defaultsForCode,
  exceptionReasonRequired,
  feeAmount,
  hasErrors,
  initialCodingForm,
  needsOtherProfessional,
  readCodingForm,
  sameCoding,
  withAddOn,
  withCode,
  type CodingSetting,
} from './coding-form-state';

const setting: CodingSetting = { practitioner: GP, proposal: PROPOSAL, fees: FEES };

describe('defaults per code', () => {
  it('covers TE2 and RQD in full with tiers payant, the others at 70 % without', () => {
    expect(defaultsForCode('TE2')).toEqual({ coveragePercent: 100, thirdPartyPayment: true });
    expect(defaultsForCode('RQD')).toEqual({ coveragePercent: 100, thirdPartyPayment: true });
    expect(defaultsForCode('TCG')).toEqual({ coveragePercent: 70, thirdPartyPayment: false });
    expect(defaultsForCode('')).toEqual({ coveragePercent: 70, thirdPartyPayment: false });
  });

  it('asks for the other professional for tele-expertise and assisted teleconsultations only', () => {
    expect(['TE2', 'TLS', 'TLL', 'TLD'].every(needsOtherProfessional)).toBe(true);
    expect(needsOtherProfessional('TCG')).toBe(false);
  });

  it('allows extra fees for sector 2 without OPTAM only', () => {
    expect(allowsExtraFee({ ...GP, sector: '2', optam: false })).toBe(true);
    expect(allowsExtraFee({ ...GP, sector: '2', optam: true })).toBe(false);
    expect(allowsExtraFee({ ...GP, sector: '1' })).toBe(false);
    expect(allowsExtraFee({ ...GP, sector: 'non_conventionne' })).toBe(false);
    expect(allowsExtraFee(null)).toBe(false);
  });

  it('finds the fee of an act, null when unknown or absent', () => {
    expect(feeAmount(FEES, 'TC')).toBe(2500);
    expect(feeAmount(FEES, 'TLS')).toBeNull();
    expect(feeAmount(FEES, 'MOP')).toBeNull();
    expect(feeAmount(FEES, 'XYZ')).toBeNull();
  });
});

describe('initialCodingForm', () => {
  it('pre-selects the proposal with its amount and the defaults of its code', () => {
    const state = initialCodingForm(setting, null);
    expect(state).toMatchObject({ code: 'TCG', amount: '30.00', coveragePercent: '70', thirdPartyPayment: false, patientLocation: '', addOns: [] });
  });

  it('prices the proposed code from the fee table when the proposal has no amount', () => {
    expect(initialCodingForm({ ...setting, proposal: { code: 'TE2', amountCents: null, reason: '' } }, null)).toMatchObject({
      code: 'TE2',
      amount: '20.00',
      coveragePercent: '100',
      thirdPartyPayment: true,
    });
  });

  it('leaves the act empty when nothing is proposed', () => {
    expect(initialCodingForm({ ...setting, proposal: { code: null, amountCents: null, reason: 'Audio only' } }, null)).toMatchObject({ code: '', amount: '' });
  });

  it('shows a line already coded as it was saved', () => {
    const existing = {
      ...CODING,
      code: 'TE2',
      amountCents: 2000,
      addOns: [{ code: 'MOP', amountCents: 500 }],
      extraFeeCents: 1000,
      otherProfessionalRpps: '22222222222',
      careException: 'emergency' as const,
      exceptionReason: 'Night call',
      sickNote: { days: 3, inPersonImpossible: true },
    };
    const state = initialCodingForm(setting, existing);
    expect(state).toMatchObject({
      code: 'TE2',
      amount: '20.00',
      extraFee: '10.00',
      otherProfessionalRpps: '22222222222',
      careException: 'emergency',
      exceptionReason: 'Night call',
      sickNote: true,
      sickNoteDays: '3',
      inPersonImpossible: true,
      patientLocation: 'home',
    });
    expect(readCodingForm(state, { ...setting, practitioner: { ...GP, sector: '2' } }).coding).toEqual(existing);
  });
});

describe('changing the act', () => {
  it('takes the fee of the new act and its defaults', () => {
    const state = withCode(initialCodingForm(setting, null), 'RQD', FEES);
    expect(state).toMatchObject({ code: 'RQD', amount: '15.00', coveragePercent: '100', thirdPartyPayment: true });
    expect(withCode(state, 'TC', FEES)).toMatchObject({ amount: '25.00', coveragePercent: '70', thirdPartyPayment: false });
    expect(withCode(state, 'TC', FEES, ',').amount).toBe('25,00');
    expect(initialCodingForm({ ...setting, decimalSeparator: ',' }, null).amount).toMatch(/^\d+,\d\d$/);
  });

  it('empties the amount when the fee is to confirm', () => {
    expect(withCode(initialCodingForm(setting, null), 'TLS', FEES).amount).toBe('');
  });

  it('ticks and unticks an add-on at its fee', () => {
    const mop = fee('MOP', 500, 'addon');
    const on = withAddOn(initialCodingForm(setting, null), mop, true);
    expect(on.addOns).toEqual([{ code: 'MOP', amountCents: 500 }]);
    expect(withAddOn(on, mop, true).addOns).toHaveLength(1);
    expect(withAddOn(on, mop, false).addOns).toEqual([]);
  });
});

describe('exception reason', () => {
  const base = initialCodingForm(setting, null);
  it('is needed against the proposal or with an exception to the care pathway', () => {
    expect(exceptionReasonRequired(base, PROPOSAL)).toBe(false);
    expect(exceptionReasonRequired({ ...base, code: 'TC' }, PROPOSAL)).toBe(true);
    expect(exceptionReasonRequired({ ...base, careException: 'under_16' }, PROPOSAL)).toBe(true);
  });

  it('is not asked when nothing was proposed (the rules say why nothing is billable)', () => {
    expect(exceptionReasonRequired({ ...base, code: 'TC' }, { code: null, amountCents: null, reason: '' })).toBe(false);
  });

  it('blocks saving until given', () => {
    const against = { ...base, code: 'TC' };
    expect(readCodingForm(against, setting).errors.exceptionReason).toBe(CODING_ERRORS.exceptionReason);
    expect(readCodingForm({ ...against, exceptionReason: '  ' }, setting).errors.exceptionReason).toBeDefined();
    const given = readCodingForm({ ...against, exceptionReason: ' Patient asked ' }, setting);
    expect(given.errors).toEqual({});
    expect(given.coding.exceptionReason).toBe('Patient asked');
  });
});

describe('readCodingForm', () => {
  const base = initialCodingForm(setting, null);

  it('builds the LineCoding of the proposal', () => {
    const { coding, errors } = readCodingForm({ ...base, patientLocation: 'home' }, setting);
    expect(errors).toEqual({});
    expect(coding).toEqual(CODING);
  });

  it('parses euro amounts written the French way', () => {
    expect(readCodingForm({ ...base, amount: '30,5' }, setting).coding.amountCents).toBe(3050);
  });

  it('reports the fields to fix and still builds a coding for the live rules', () => {
    const { coding, errors } = readCodingForm({ ...base, code: '', amount: 'abc', coveragePercent: '120' }, setting);
    expect(Object.keys(errors).sort()).toEqual(['amount', 'code', 'coveragePercent']);
    expect(hasErrors(errors)).toBe(true);
    expect(coding.amountCents).toBe(0);
    expect(coding.coveragePercent).toBe(120);
  });

  it('refuses a coverage that is not a whole percentage', () => {
    expect(readCodingForm({ ...base, coveragePercent: '' }, setting).errors.coveragePercent).toBeDefined();
    expect(readCodingForm({ ...base, coveragePercent: '70.5' }, setting).errors.coveragePercent).toBeDefined();
    expect(readCodingForm({ ...base, coveragePercent: '0' }, setting).errors).toEqual({});
  });

  it('ignores the extra fee unless the practitioner may charge one', () => {
    expect(readCodingForm({ ...base, extraFee: '15' }, setting).coding.extraFeeCents).toBe(0);
    const sector2 = { ...setting, practitioner: { ...GP, sector: '2' as const } };
    expect(readCodingForm({ ...base, extraFee: '15' }, sector2).coding.extraFeeCents).toBe(1500);
    expect(readCodingForm({ ...base, extraFee: '' }, sector2).coding.extraFeeCents).toBe(0);
    expect(readCodingForm({ ...base, extraFee: 'lots' }, sector2).errors.extraFee).toBeDefined();
  });

  it('sends the other professional only for the codes that need one', () => {
    expect(readCodingForm({ ...base, otherProfessionalRpps: '1 0101 0101 01' }, setting).coding.otherProfessionalRpps).toBeNull();
    const te2 = withCode(base, 'TE2', FEES);
    expect(readCodingForm({ ...te2, exceptionReason: 'asked', otherProfessionalRpps: '1 0101 0101 01' }, setting).coding.otherProfessionalRpps).toBe('10101010101');
    expect(readCodingForm({ ...te2, exceptionReason: 'asked' }, setting).coding.otherProfessionalRpps).toBeNull();
  });

  it('writes a sick note with its days, or none', () => {
    expect(readCodingForm({ ...base, sickNoteDays: '3' }, setting).coding.sickNote).toBeNull();
    expect(readCodingForm({ ...base, sickNote: true, sickNoteDays: '3', inPersonImpossible: true }, setting).coding.sickNote).toEqual({
      days: 3,
      inPersonImpossible: true,
    });
    expect(readCodingForm({ ...base, sickNote: true, sickNoteDays: '' }, setting).errors.sickNoteDays).toBeDefined();
    expect(readCodingForm({ ...base, sickNote: true, sickNoteDays: '0' }, setting).errors.sickNoteDays).toBeDefined();
  });

  it('sends the care exception with its reason and the referral', () => {
    const { coding } = readCodingForm({ ...base, careException: 'emergency', exceptionReason: 'Chest pain', referral: true }, setting);
    expect(coding).toMatchObject({ careException: 'emergency', exceptionReason: 'Chest pain', referral: true });
  });
});

describe('sameCoding', () => {
  it('treats add-ons in any order and empty reasons alike', () => {
    const a = { ...CODING, addOns: [{ code: 'MOP', amountCents: 500 }, { code: 'X', amountCents: 1 }], exceptionReason: '' };
    const b = { ...CODING, addOns: [{ code: 'X', amountCents: 1 }, { code: 'MOP', amountCents: 500 }], exceptionReason: null };
    expect(sameCoding(a, b)).toBe(true);
  });

  it('sees any change', () => {
    expect(sameCoding(CODING, { ...CODING, amountCents: 3001 })).toBe(false);
    expect(sameCoding(CODING, { ...CODING, patientLocation: 'workplace' })).toBe(false);
    expect(sameCoding(CODING, { ...CODING, sickNote: { days: 1, inPersonImpossible: false } })).toBe(false);
    expect(sameCoding(CODING, { ...CODING, addOns: [{ code: 'MOP', amountCents: 500 }] })).toBe(false);
  });
});

describe('codeOptions', () => {
  it('lists each act once with its fee, and keeps a current code that is not valid on the date', () => {
    const options = codeOptions([...FEES, fee('TC', 2500)], 'OLD');
    expect(options.map((o) => o.value)).toEqual(['TCG', 'TC', 'TE2', 'RQD', 'TLS', 'OLD']);
    expect(options[0]).toEqual({ value: 'TCG', feeLabel: 'TCG label', amountCents: 3000 });
    expect(options[4].amountCents).toBeNull();
    expect(options[5]).toEqual({ value: 'OLD', feeLabel: null, amountCents: null });
  });
});
