import { INS_OID_NIA, INS_OID_NIR, RULE_IDS, type BillingLineInput, type RuleId } from '@visite/contracts';
import { FEE_TABLE_VERSION } from './fee-table';
import { RULES_VERSION, RULE_SUMMARIES, ageOn, countsTowardTeleconsultationShare, evaluateLine } from './rules';
import { sampleLineInput } from './sample-line';

const GP_RPPS = '10003456789';
const OTHER_RPPS = '10009876543';
const THIRD_RPPS = '10001112223';
/** A temporary NIA: '7850799123456' + key 30. */
const PATIENT_NIA = '785079912345630';

/** A GP in sector 1 billing TCG for a video visit with one of their own patients: no rule fails. */
const validLine = sampleLineInput;

interface LineOverrides {
  practitioner?: Partial<BillingLineInput['practitioner']>;
  patient?: Partial<BillingLineInput['patient']>;
  visit?: Partial<BillingLineInput['visit']>;
  coding?: Partial<BillingLineInput['coding']>;
  context?: BillingLineInput['context'];
}

function line(overrides: LineOverrides = {}, base: BillingLineInput = validLine()): BillingLineInput {
  return {
    practitioner: { ...base.practitioner, ...overrides.practitioner },
    patient: { ...base.patient, ...overrides.patient },
    visit: { ...base.visit, ...overrides.visit },
    coding: { ...base.coding, ...overrides.coding },
    context: overrides.context ?? base.context,
  };
}

/** A physician giving a télé-expertise opinion (TE2) asynchronously: no rule fails. */
function te2Line(overrides: LineOverrides = {}): BillingLineInput {
  const base = line({
    visit: { modality: 'asynchronous' },
    coding: { code: 'TE2', amountCents: 2300, otherProfessionalRpps: OTHER_RPPS, thirdPartyPayment: true, coveragePercent: 100 },
  });
  return line(overrides, base);
}

/** A nurse assisting Dr Martin's teleconsultation during a planned visit (TLS): no rule fails. */
function nurseLine(overrides: LineOverrides = {}): BillingLineInput {
  const base = line({
    practitioner: { rpps: THIRD_RPPS, profession: 'nurse', specialty: 'none', firstName: 'Paul', lastName: 'Leroy' },
    patient: { regularDoctorRpps: GP_RPPS },
    coding: { code: 'TLS', amountCents: 1000, otherProfessionalRpps: GP_RPPS },
  });
  return line(overrides, base);
}

/** "F3:error"-style summaries of every result, in order. */
function outcomes(input: BillingLineInput): string[] {
  return evaluateLine(input).results.map((result) => `${result.rule}:${result.severity}`);
}

function resultsOf(input: BillingLineInput, rule: RuleId) {
  return evaluateLine(input).results.filter((result) => result.rule === rule);
}

/** Patient born `years` years to the day before DATE, plus `days` days (positive: younger). */
function bornYearsBefore(years: number, days = 0): string {
  const date = new Date(Date.UTC(2026 - years, 2, 10 + days));
  return date.toISOString().slice(0, 10);
}

describe('evaluateLine', () => {
  it('finds nothing wrong with a valid line and gives the versions', () => {
    expect(evaluateLine(validLine())).toEqual({
      results: [],
      hasErrors: false,
      hasWarnings: false,
      feeTableVersion: FEE_TABLE_VERSION,
      rulesVersion: RULES_VERSION,
    });
  });

  it('finds nothing wrong with valid TE2, RQD and TLS lines', () => {
    expect(outcomes(te2Line())).toEqual([]);
    expect(outcomes(nurseLine())).toEqual([]);
    const rqdByNurse = nurseLine({ visit: { modality: 'asynchronous' }, coding: { code: 'RQD', amountCents: 1000, otherProfessionalRpps: null, thirdPartyPayment: true, coveragePercent: 100 } });
    expect(outcomes(rqdByNurse)).toEqual([]);
  });

  it('returns failures in rule order, each message starting with its rule id', () => {
    const input = line({
      practitioner: { rpps: '123', amNumber: '75123' },
      patient: { insuredNir: null },
      visit: { modality: 'audio' },
      coding: { amountCents: 2000, sickNote: { days: 5, inPersonImpossible: false } },
    });
    const evaluation = evaluateLine(input);
    expect(evaluation.results.map((r) => r.rule)).toEqual(['F1', 'F3', 'F6', 'F8', 'F9', 'F11', 'F11']);
    for (const result of evaluation.results) expect(result.message.startsWith(`${result.rule}: `)).toBe(true);
    expect(evaluation.hasErrors).toBe(true);
    expect(evaluation.hasWarnings).toBe(true);
  });

  it('reports warnings without errors', () => {
    const evaluation = evaluateLine(line({ coding: { sickNote: { days: 7, inPersonImpossible: false } }, patient: { regularDoctorRpps: null }, context: {} }));
    expect(evaluation.results.map((r) => `${r.rule}:${r.severity}`)).toEqual(['F6:warning', 'F8:warning']);
    expect(evaluation.hasErrors).toBe(false);
    expect(evaluation.hasWarnings).toBe(true);
  });

  it('does not change its input', () => {
    const input = te2Line({ coding: { addOns: [{ code: 'MOP', amountCents: 500 }] } });
    const copy = JSON.parse(JSON.stringify(input));
    evaluateLine(input);
    expect(input).toEqual(copy);
  });
});

describe('RULE_SUMMARIES', () => {
  it('describes every rule, with the severity of its main failure', () => {
    expect(Object.keys(RULE_SUMMARIES)).toEqual([...RULE_IDS]);
    const warnings = RULE_IDS.filter((id) => RULE_SUMMARIES[id].severity === 'warning');
    expect(warnings).toEqual(['F6', 'F7', 'F8', 'F13']);
  });
});

describe('F1: live video acts need video', () => {
  it('passes a video teleconsultation', () => {
    expect(resultsOf(validLine(), 'F1')).toEqual([]);
  });

  it('blocks an audio-only TCG, naming the code', () => {
    expect(resultsOf(line({ visit: { modality: 'audio' } }), 'F1')).toEqual([
      {
        rule: 'F1',
        severity: 'error',
        message: 'F1: audio-only visits are not billable as a teleconsultation: TCG needs video (the media carried was audio only)',
        field: 'visit.modality',
      },
    ]);
  });

  it('blocks a visit whose modality was not recorded until a biller records it', () => {
    const [result] = resultsOf(line({ visit: { modality: null } }), 'F1');
    expect(result).toMatchObject({ severity: 'error', field: 'visit.modality' });
    expect(result.message).toMatch(/^F1: the visit's modality was not recorded; a biller must record it before /);
  });

  it('blocks a teleconsultation code when no media went both ways (modality none)', () => {
    const [result] = resultsOf(line({ visit: { modality: 'none' } }), 'F1');
    expect(result).toMatchObject({ severity: 'error', field: 'visit.modality' });
    expect(result.message).toContain('no media went both ways');
  });

  it('blocks a teleconsultation code on an asynchronous visit', () => {
    expect(resultsOf(line({ visit: { modality: 'asynchronous' } }), 'F1')).toMatchObject([{ severity: 'error', field: 'coding.code' }]);
  });

  it.each(['TC', 'TCS', 'TLS', 'TLL', 'TLD'])('applies to %s', (code) => {
    const [result] = resultsOf(line({ visit: { modality: 'audio' }, coding: { code } }), 'F1');
    expect(result.severity).toBe('error');
    expect(result.message).toContain(`${code} needs video`);
  });

  it('leaves télé-expertise alone, whatever the modality', () => {
    for (const modality of ['asynchronous', 'video', 'audio', 'none', null] as const) {
      expect(resultsOf(te2Line({ visit: { modality } }), 'F1')).toEqual([]);
    }
  });
});

describe('F2: code, profession, specialty and sector', () => {
  const f2 = (input: BillingLineInput) => resultsOf(input, 'F2').map((r) => `${r.severity}@${r.field}`);

  it('lets a GP bill TCG in sector 1, in sector 2 with OPTAM, and in sector 2 without OPTAM at the agreed fee', () => {
    expect(f2(validLine())).toEqual([]);
    expect(f2(line({ practitioner: { sector: '2', optam: true } }))).toEqual([]);
    expect(f2(line({ practitioner: { sector: '2', optam: false } }))).toEqual([]);
  });

  it('blocks TCG with an extra fee (that doctor bills TC)', () => {
    const results = resultsOf(line({ practitioner: { sector: '2', optam: false }, coding: { extraFeeCents: 1000 } }), 'F2');
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ severity: 'error', field: 'coding.code' });
    expect(results[0].message).toContain('bills TC, not TCG');
  });

  it('blocks TCG by a specialist or a nurse', () => {
    expect(f2(line({ practitioner: { specialty: 'psychiatry' } }))).toEqual(['error@coding.code']);
    expect(f2(line({ practitioner: { profession: 'nurse', specialty: 'none' } }))).toEqual(['error@coding.code']);
  });

  it('lets only sector 2 physicians without OPTAM bill TC, any specialty', () => {
    const tc = { code: 'TC', amountCents: 3000, extraFeeCents: 2000 };
    expect(f2(line({ practitioner: { sector: '2', optam: false }, coding: tc }))).toEqual([]);
    expect(f2(line({ practitioner: { sector: '2', optam: false, specialty: 'other_specialty' }, coding: tc }))).toEqual([]);
    expect(f2(line({ practitioner: { sector: '1' }, coding: { code: 'TC', amountCents: 3000 } }))).toEqual(['error@coding.code']);
    expect(f2(line({ practitioner: { sector: '2', optam: true }, coding: { code: 'TC', amountCents: 3000 } }))).toEqual(['error@coding.code']);
    expect(f2(line({ practitioner: { sector: '2', profession: 'nurse' }, coding: { code: 'TC', amountCents: 3000 } }))).toEqual(['error@coding.code']);
  });

  it('lets specialists in sector 1 or OPTAM bill TCS, not GPs, unset specialties or sector 2 without OPTAM', () => {
    const tcs = { code: 'TCS', amountCents: 3000 };
    expect(f2(line({ practitioner: { specialty: 'other_specialty' }, coding: tcs }))).toEqual([]);
    expect(f2(line({ practitioner: { specialty: 'pediatrics', sector: '2', optam: true }, coding: tcs }))).toEqual([]);
    expect(f2(line({ practitioner: { specialty: 'other_specialty', sector: '2', optam: false }, coding: tcs }))).toEqual(['error@coding.code']);
    expect(f2(line({ coding: tcs }))).toEqual(['error@coding.code']);
    expect(f2(line({ practitioner: { specialty: 'none' }, coding: tcs }))).toEqual(['error@coding.code']);
  });

  it('lets physicians bill TE2 and TE1, not nurses', () => {
    expect(f2(te2Line())).toEqual([]);
    expect(f2(te2Line({ practitioner: { specialty: 'other_specialty' } }))).toEqual([]);
    expect(f2(te2Line({ practitioner: { profession: 'nurse', specialty: 'none' } }))).toEqual(['error@coding.code']);
    const te1 = { visit: { dateOfService: '2022-03-01' }, coding: { code: 'TE1', amountCents: 1200 } };
    expect(f2(te2Line(te1))).toEqual([]);
    expect(f2(te2Line({ ...te1, practitioner: { profession: 'midwife', specialty: 'none' } }))).toEqual(['error@coding.code']);
  });

  it('lets any professional who asks bill RQD', () => {
    for (const profession of ['physician', 'midwife', 'nurse', 'other'] as const) {
      expect(f2(te2Line({ practitioner: { profession }, coding: { code: 'RQD', amountCents: 1000 } }))).toEqual([]);
    }
  });

  it('lets only nurses bill TLS, TLL and TLD', () => {
    expect(f2(nurseLine())).toEqual([]);
    expect(f2(nurseLine({ coding: { code: 'TLD', amountCents: 1500 } }))).toEqual([]);
    expect(f2(nurseLine({ practitioner: { profession: 'physician' } }))).toEqual(['error@coding.code']);
    expect(f2(nurseLine({ practitioner: { profession: 'midwife' }, coding: { code: 'TLL', amountCents: 1200 } }))).toEqual(['error@coding.code']);
  });

  it('blocks every code for a practitioner outside the convention, once', () => {
    for (const input of [validLine(), te2Line(), nurseLine()]) {
      const results = resultsOf(line({ practitioner: { sector: 'non_conventionne' }, coding: { extraFeeCents: 500 } }, input), 'F2');
      expect(results).toEqual([expect.objectContaining({ severity: 'error', field: 'practitioner.sector' })]);
      expect(results[0].message).toContain('non conventionné');
    }
  });

  it('allows MOP for physicians only', () => {
    const mop = { addOns: [{ code: 'MOP', amountCents: 500 }] };
    expect(f2(line({ coding: mop }))).toEqual([]);
    expect(f2(nurseLine({ coding: mop }))).toEqual(['error@coding.addOns']);
  });

  it('allows an extra fee only in sector 2 without OPTAM', () => {
    expect(f2(line({ practitioner: { sector: '2', optam: false }, coding: { code: 'TC', amountCents: 3000, extraFeeCents: 1500 } }))).toEqual([]);
    expect(f2(line({ coding: { extraFeeCents: 1500 } }))).toEqual(['error@coding.extraFeeCents']);
    expect(f2(line({ practitioner: { sector: '2', optam: true }, coding: { extraFeeCents: 1 } }))).toEqual(['error@coding.extraFeeCents']);
    expect(f2(line({ coding: { extraFeeCents: -100 } }))).toEqual(['error@coding.extraFeeCents']);
  });
});

describe('F3: amounts at the fee of the date of service', () => {
  const f3 = (input: BillingLineInput) => resultsOf(input, 'F3');

  it('passes TCG at 25.00 EUR', () => {
    expect(f3(validLine())).toEqual([]);
  });

  it('blocks an amount that is not the fee', () => {
    expect(f3(line({ coding: { amountCents: 3000 } }))).toEqual([
      { rule: 'F3', severity: 'error', message: 'F3: TCG on 2026-03-10 is 25.00 EUR in the fee table, not 30.00 EUR', field: 'coding.amountCents' },
    ]);
  });

  it('prices TE2 at the fee in force on the date of service', () => {
    expect(f3(te2Line({ visit: { dateOfService: '2025-12-31' }, coding: { amountCents: 2000 } }))).toEqual([]);
    expect(f3(te2Line({ visit: { dateOfService: '2026-01-01' }, coding: { amountCents: 2300 } }))).toEqual([]);
    expect(f3(te2Line({ visit: { dateOfService: '2026-01-01' }, coding: { amountCents: 2000 } }))).toMatchObject([{ severity: 'error' }]);
    expect(f3(te2Line({ visit: { dateOfService: '2025-12-31' }, coding: { amountCents: 2300 } }))).toMatchObject([{ severity: 'error' }]);
  });

  it('warns when the amount matches a fee marked to confirm (TC), and blocks a mismatch', () => {
    const tc = (dateOfService: string, amountCents: number) =>
      line({ practitioner: { sector: '2', optam: false }, visit: { dateOfService }, coding: { code: 'TC', amountCents } });
    const [warning] = f3(tc('2026-03-10', 3000));
    expect(warning).toMatchObject({ severity: 'warning', field: 'coding.amountCents' });
    expect(warning.message).toContain('confirm');
    expect(f3(tc('2024-12-21', 2500))).toMatchObject([{ severity: 'warning' }]);
    expect(f3(tc('2024-12-22', 2500))).toMatchObject([{ severity: 'error' }]);
  });

  it('warns that the TCS fee is not confirmed when an amount is entered, and blocks no amount', () => {
    const tcs = (amountCents: number) => line({ practitioner: { specialty: 'other_specialty' }, coding: { code: 'TCS', amountCents } });
    expect(f3(tcs(3000))).toEqual([
      {
        rule: 'F3',
        severity: 'warning',
        message: 'F3: the fee of TCS on 2026-03-10 is not confirmed in the fee table: check the amount (30.00 EUR entered)',
        field: 'coding.amountCents',
      },
    ]);
    expect(f3(tcs(0))).toMatchObject([{ severity: 'error', field: 'coding.amountCents' }]);
    expect(f3(tcs(-500))).toMatchObject([{ severity: 'error' }]);
  });

  describe('add-ons', () => {
    /** An 85-year-old patient whose regular doctor is someone else, referred (F6 passes). */
    const elderly = (addOns: BillingLineInput['coding']['addOns'], patient: LineOverrides['patient'] = {}) =>
      line({ patient: { birthDate: '1940-05-01', regularDoctorRpps: OTHER_RPPS, ...patient }, coding: { addOns, referral: true } });
    const mop = [{ code: 'MOP', amountCents: 500 }];

    it('passes MOP at its fee with a warning that its combination with TCG is to confirm', () => {
      expect(outcomes(elderly(mop))).toEqual(['F3:warning']);
      expect(f3(elderly(mop))[0]).toMatchObject({ field: 'coding.addOns' });
    });

    it('blocks an add-on amount that is not its fee', () => {
      expect(f3(elderly([{ code: 'MOP', amountCents: 400 }]))).toMatchObject([{ severity: 'error', field: 'coding.addOns' }]);
    });

    it('blocks an unknown add-on, an act given as an add-on, and an add-on billed twice', () => {
      expect(f3(line({ coding: { addOns: [{ code: 'XYZ', amountCents: 100 }] } }))).toEqual([
        { rule: 'F3', severity: 'error', message: 'F3: XYZ is not an add-on in the fee table', field: 'coding.addOns' },
      ]);
      expect(f3(line({ coding: { addOns: [{ code: 'TCG', amountCents: 2500 }] } }))).toMatchObject([{ severity: 'error' }]);
      const twice = f3(elderly([...mop, ...mop]));
      expect(twice.map((r) => r.severity)).toEqual(['warning', 'error']);
      expect(twice[1].message).toBe('F3: the add-on MOP is billed more than once');
    });

    it('needs MOP patients to be 80 on the date of service: the 80th birthday passes, the day before fails', () => {
      expect(f3(elderly(mop, { birthDate: bornYearsBefore(80) })).map((r) => r.severity)).toEqual(['warning']);
      const [toConfirm, tooYoung] = f3(elderly(mop, { birthDate: bornYearsBefore(80, 1) }));
      expect(toConfirm.severity).toBe('warning');
      expect(tooYoung).toMatchObject({ severity: 'error', field: 'coding.addOns' });
      expect(tooYoung.message).toBe('F3: MOP needs a patient aged 80 or over on the date of service; the patient is 79');
    });

    it("blocks MOP for the doctor's own patient", () => {
      const results = f3(elderly(mop, { regularDoctorRpps: GP_RPPS }));
      expect(results.map((r) => r.severity)).toEqual(['warning', 'error']);
      expect(results[1].message).toContain("Dr Claire Martin is this patient's regular doctor");
    });

    it('blocks MOP when the birth date is not a date', () => {
      expect(f3(elderly(mop, { birthDate: '1940-13-01' })).map((r) => r.severity)).toEqual(['warning', 'error']);
    });
  });
});

describe('F4: télé-expertise payment', () => {
  it('passes TE2 and RQD fully covered in third-party payment', () => {
    expect(resultsOf(te2Line(), 'F4')).toEqual([]);
    expect(resultsOf(te2Line({ coding: { code: 'RQD', amountCents: 1000 } }), 'F4')).toEqual([]);
  });

  it('blocks each of add-ons, extra fee, no third-party payment and partial coverage', () => {
    const input = te2Line({
      patient: { birthDate: '1940-01-01', regularDoctorRpps: null },
      coding: { addOns: [{ code: 'MOP', amountCents: 500 }], extraFeeCents: 1000, thirdPartyPayment: false, coveragePercent: 70 },
    });
    expect(resultsOf(input, 'F4').map((r) => `${r.severity}@${r.field}`)).toEqual([
      'error@coding.addOns',
      'error@coding.extraFeeCents',
      'error@coding.thirdPartyPayment',
      'error@coding.coveragePercent',
    ]);
  });

  it('applies to RQD', () => {
    expect(resultsOf(te2Line({ coding: { code: 'RQD', amountCents: 1000, coveragePercent: 70 } }), 'F4')).toEqual([
      { rule: 'F4', severity: 'error', message: 'F4: RQD is covered at 100%, not 70%', field: 'coding.coveragePercent' },
    ]);
  });

  it('does not apply to teleconsultations', () => {
    expect(resultsOf(line({ coding: { thirdPartyPayment: false, coveragePercent: 70 } }), 'F4')).toEqual([]);
  });
});

describe("F5: the other professional's RPPS", () => {
  const f5 = (input: BillingLineInput) => resultsOf(input, 'F5').map((r) => `${r.severity}@${r.field}`);

  it('passes TE2 and TLS with another 11-digit RPPS', () => {
    expect(f5(te2Line())).toEqual([]);
    expect(f5(nurseLine())).toEqual([]);
  });

  it('blocks a missing, malformed or own RPPS', () => {
    expect(f5(te2Line({ coding: { otherProfessionalRpps: null } }))).toEqual(['error@coding.otherProfessionalRpps']);
    expect(f5(te2Line({ coding: { otherProfessionalRpps: '' } }))).toEqual(['error@coding.otherProfessionalRpps']);
    expect(f5(te2Line({ coding: { otherProfessionalRpps: '1000987654' } }))).toEqual(['error@coding.otherProfessionalRpps']);
    expect(f5(te2Line({ coding: { otherProfessionalRpps: '1000987654X' } }))).toEqual(['error@coding.otherProfessionalRpps']);
    expect(f5(te2Line({ coding: { otherProfessionalRpps: GP_RPPS } }))).toEqual(['error@coding.otherProfessionalRpps']);
    expect(resultsOf(nurseLine({ coding: { otherProfessionalRpps: null } }), 'F5')[0].message).toBe(
      'F5: TLS needs the RPPS of the doctor whose teleconsultation the nurse assisted',
    );
  });

  it('does not apply to RQD or TCG', () => {
    expect(f5(te2Line({ coding: { code: 'RQD', amountCents: 1000, otherProfessionalRpps: null } }))).toEqual([]);
    expect(f5(validLine())).toEqual([]);
  });
});

describe('F6: care pathway', () => {
  /** A patient whose regular doctor is someone else, nothing recorded. */
  const outside = (overrides: LineOverrides = {}) => line({ ...overrides, patient: { regularDoctorRpps: OTHER_RPPS, ...overrides.patient } });
  const f6 = (input: BillingLineInput) => resultsOf(input, 'F6').map((r) => r.severity);

  it("passes the regular doctor's own patient", () => {
    expect(f6(validLine())).toEqual([]);
  });

  it('warns for an adult outside the care pathway, saying what to record', () => {
    const [result] = resultsOf(outside(), 'F6');
    expect(result).toMatchObject({ severity: 'warning', field: 'coding.careException' });
    expect(result.message).toMatch(/^F6: .*record the regular doctor's referral or a care-pathway exception/);
    expect(f6(outside({ patient: { regularDoctorRpps: null } }))).toEqual(['warning']);
  });

  it('passes with a referral or a recorded exception', () => {
    expect(f6(outside({ coding: { referral: true } }))).toEqual([]);
    expect(f6(outside({ coding: { careException: 'emergency' } }))).toEqual([]);
    expect(f6(outside({ coding: { careException: 'no_regular_doctor' } }))).toEqual([]);
  });

  it('passes patients under 16: the day before the 16th birthday passes, the birthday warns', () => {
    expect(f6(outside({ patient: { birthDate: bornYearsBefore(16, 1) } }))).toEqual([]);
    expect(f6(outside({ patient: { birthDate: bornYearsBefore(16) } }))).toEqual(['warning']);
  });

  it('passes direct-access specialties: gynecology, ophthalmology, psychiatry under 26', () => {
    const specialist = (specialty: BillingLineInput['practitioner']['specialty'], birthDate = '1980-01-01') =>
      outside({ practitioner: { specialty }, patient: { birthDate }, coding: { code: 'TCS', amountCents: 3000 } });
    expect(f6(specialist('gynecology'))).toEqual([]);
    expect(f6(specialist('ophthalmology'))).toEqual([]);
    expect(f6(specialist('psychiatry', bornYearsBefore(26, 1)))).toEqual([]);
    expect(f6(specialist('psychiatry', bornYearsBefore(26)))).toEqual(['warning']);
    expect(f6(specialist('other_specialty'))).toEqual(['warning']);
  });

  it("passes a pediatrician's patients under 16, not older ones", () => {
    const pediatrician = (birthDate: string) => outside({ practitioner: { specialty: 'pediatrics' }, patient: { birthDate }, coding: { code: 'TCS', amountCents: 3000 } });
    expect(f6(pediatrician(bornYearsBefore(15)))).toEqual([]);
    expect(f6(pediatrician(bornYearsBefore(17)))).toEqual(['warning']);
  });

  it('does not apply to télé-expertise or nurse assistance', () => {
    expect(f6(te2Line({ patient: { regularDoctorRpps: OTHER_RPPS } }))).toEqual([]);
    expect(f6(nurseLine({ patient: { regularDoctorRpps: OTHER_RPPS } }))).toEqual([]);
  });
});

describe('F7: teleconsultation share', () => {
  /** Dr Martin seeing a patient who is not on her list (referred: F6 passes), with the year's counts. */
  const counted = (countable: number, declaredTotalActs: number | null, practitioner: LineOverrides['practitioner'] = {}) =>
    line({
      practitioner,
      patient: { regularDoctorRpps: OTHER_RPPS },
      coding: { referral: true },
      context: { teleconsultationShare: { year: 2026, countable, declaredTotalActs } },
    });
  const f7 = (input: BillingLineInput) => resultsOf(input, 'F7');

  it('gives no result without the context', () => {
    expect(f7(line({ patient: { regularDoctorRpps: OTHER_RPPS } }))).toEqual([]);
  });

  it('passes within the limit, and exactly at 20%', () => {
    expect(f7(counted(10, 100))).toEqual([]);
    expect(f7(counted(20, 100))).toEqual([]);
  });

  it('warns above 20% with the running share', () => {
    expect(f7(counted(47, 200))).toEqual([
      {
        rule: 'F7',
        severity: 'warning',
        message: "F7: Dr Claire Martin's teleconsultations are 23.5% of the declared activity for 2026 (limit 20%; 47 of 200 acts)",
        field: 'context.teleconsultationShare',
      },
    ]);
    expect(f7(counted(201, 1000))[0].message).toContain('are 20.1% of');
    // Just above the limit: not rounded down to a misleading "20.0%".
    expect(f7(counted(2004, 10000))[0].message).toContain('are 20.04% of');
  });

  it('allows 40% to psychiatrists', () => {
    const psychiatrist = { specialty: 'psychiatry' as const };
    expect(f7(counted(40, 100, psychiatrist))).toEqual([]);
    expect(f7(counted(41, 100, psychiatrist))[0].message).toContain('(limit 40%;');
    expect(f7(counted(21, 100, { specialty: 'other_specialty' }))).toHaveLength(1);
  });

  it('warns that the share cannot be checked when the activity is not declared', () => {
    for (const declared of [null, 0]) {
      const [result] = f7(counted(5, declared));
      expect(result.severity).toBe('warning');
      expect(result.message).toMatch(/^F7: Dr Claire Martin's declared activity for 2026 is missing: the share cannot be checked/);
    }
  });

  it("ignores a GP's teleconsultations with their own patients and télé-expertise", () => {
    const own = line({ context: { teleconsultationShare: { year: 2026, countable: 90, declaredTotalActs: 100 } } });
    expect(f7(own)).toEqual([]);
    const te2 = te2Line({ patient: { regularDoctorRpps: OTHER_RPPS }, context: { teleconsultationShare: { year: 2026, countable: 90, declaredTotalActs: 100 } } });
    expect(f7(te2)).toEqual([]);
  });
});

describe('countsTowardTeleconsultationShare', () => {
  it("counts TCG/TC/TCS except a GP's own patients, never télé-expertise or nurse assistance", () => {
    expect(countsTowardTeleconsultationShare(validLine())).toBe(false);
    expect(countsTowardTeleconsultationShare(line({ patient: { regularDoctorRpps: OTHER_RPPS } }))).toBe(true);
    expect(countsTowardTeleconsultationShare(line({ patient: { regularDoctorRpps: null } }))).toBe(true);
    // A specialist who is also declared as the regular doctor still counts.
    expect(countsTowardTeleconsultationShare(line({ practitioner: { specialty: 'psychiatry' }, coding: { code: 'TCS', amountCents: 3000 } }))).toBe(true);
    expect(countsTowardTeleconsultationShare(line({ practitioner: { sector: '2' }, patient: { regularDoctorRpps: null }, coding: { code: 'TC' } }))).toBe(true);
    expect(countsTowardTeleconsultationShare(te2Line({ patient: { regularDoctorRpps: OTHER_RPPS } }))).toBe(false);
    expect(countsTowardTeleconsultationShare(te2Line({ coding: { code: 'RQD' } }))).toBe(false);
    expect(countsTowardTeleconsultationShare(nurseLine({ patient: { regularDoctorRpps: OTHER_RPPS } }))).toBe(false);
  });
});

describe('F8: sick notes', () => {
  const withNote = (days: number, inPersonImpossible = false, regularDoctorRpps: string | null = OTHER_RPPS) =>
    line({ patient: { regularDoctorRpps }, coding: { referral: true, sickNote: { days, inPersonImpossible } } });
  const f8 = (input: BillingLineInput) => resultsOf(input, 'F8').map((r) => `${r.severity}@${r.field}`);

  it('passes no sick note and 3 days', () => {
    expect(f8(validLine())).toEqual([]);
    expect(f8(withNote(3))).toEqual([]);
  });

  it('warns from 4 days by a doctor other than the regular doctor', () => {
    expect(f8(withNote(4))).toEqual(['warning@coding.sickNote']);
    expect(f8(withNote(4, false, null))).toEqual(['warning@coding.sickNote']);
  });

  it('passes longer notes by the regular doctor or when the patient could not be seen in person', () => {
    expect(f8(withNote(10, false, GP_RPPS))).toEqual([]);
    expect(f8(withNote(10, true))).toEqual([]);
  });
});

describe("F9: the insured person's NIR and the beneficiary rank", () => {
  const f9 = (input: BillingLineInput) => resultsOf(input, 'F9').map((r) => `${r.severity}@${r.field}`);

  it('passes a valid NIR, a NIA and a Corsican NIR', () => {
    expect(f9(validLine())).toEqual([]);
    expect(f9(line({ patient: { insuredNir: PATIENT_NIA } }))).toEqual([]);
    expect(f9(line({ patient: { insuredNir: '253072B07300470', beneficiaryRank: 2 } }))).toEqual([]);
  });

  it('blocks a missing NIR', () => {
    expect(f9(line({ patient: { insuredNir: null } }))).toEqual(['error@patient.insuredNir']);
    expect(f9(line({ patient: { insuredNir: '' } }))).toEqual(['error@patient.insuredNir']);
  });

  it('blocks an invalid NIR, with the reason', () => {
    const [result] = resultsOf(line({ patient: { insuredNir: '295109912611194' } }), 'F9');
    expect(result).toEqual({
      rule: 'F9',
      severity: 'error',
      message: "F9: the insured person's NIR is invalid. Its key 94 does not match the first 13 characters (the key should be 93).",
      field: 'patient.insuredNir',
    });
    expect(f9(line({ patient: { insuredNir: '29510991261119' } }))).toEqual(['error@patient.insuredNir']);
  });

  it('needs a beneficiary rank from 1 to 99', () => {
    expect(f9(line({ patient: { beneficiaryRank: 99 } }))).toEqual([]);
    expect(f9(line({ patient: { beneficiaryRank: 0 } }))).toEqual(['error@patient.beneficiaryRank']);
    expect(f9(line({ patient: { beneficiaryRank: 100 } }))).toEqual(['error@patient.beneficiaryRank']);
    expect(f9(line({ patient: { beneficiaryRank: 1.5 } }))).toEqual(['error@patient.beneficiaryRank']);
  });
});

describe('F10: INS of a qualified identity', () => {
  const f10 = (input: BillingLineInput) => resultsOf(input, 'F10').map((r) => `${r.severity}@${r.field}`);

  it('passes a QUAL identity with a valid INS and its OID (NIR or NIA)', () => {
    expect(f10(validLine())).toEqual([]);
    expect(f10(line({ patient: { ins: PATIENT_NIA, insOid: INS_OID_NIA } }))).toEqual([]);
  });

  it('blocks a QUAL identity without an INS, with an invalid one, or with a missing or wrong OID', () => {
    expect(f10(line({ patient: { ins: null, insOid: null } }))).toEqual(['error@patient.ins']);
    expect(f10(line({ patient: { ins: '295109912611194' } }))).toEqual(['error@patient.ins']);
    expect(f10(line({ patient: { insOid: null } }))).toEqual(['error@patient.insOid']);
    expect(f10(line({ patient: { insOid: INS_OID_NIA } }))).toEqual(['error@patient.insOid']);
    expect(f10(line({ patient: { ins: PATIENT_NIA, insOid: INS_OID_NIR } }))).toEqual(['error@patient.insOid']);
  });

  it('gives no result when the identity is not qualified (the INS is not exported)', () => {
    for (const identityStatus of ['PROV', 'VALI', 'RECUP'] as const) {
      expect(f10(line({ patient: { identityStatus, ins: null, insOid: null } }))).toEqual([]);
      expect(f10(line({ patient: { identityStatus, ins: PATIENT_NIA, insOid: INS_OID_NIR } }))).toEqual([]);
      expect(f10(line({ patient: { identityStatus, ins: '295109912611194' } }))).toEqual([]);
    }
  });
});

describe("F11: the practitioner's numbers", () => {
  const f11 = (input: BillingLineInput) => resultsOf(input, 'F11').map((r) => `${r.severity}@${r.field}`);

  it('passes an 11-digit RPPS and a 9-digit AM number', () => {
    expect(f11(validLine())).toEqual([]);
  });

  it('blocks each wrong number separately', () => {
    expect(f11(line({ practitioner: { rpps: '1000345678' } }))).toEqual(['error@practitioner.rpps']);
    expect(f11(line({ practitioner: { rpps: '100034567890' } }))).toEqual(['error@practitioner.rpps']);
    expect(f11(line({ practitioner: { rpps: '1000345678A' } }))).toEqual(['error@practitioner.rpps']);
    expect(f11(line({ practitioner: { amNumber: '75123456' } }))).toEqual(['error@practitioner.amNumber']);
    expect(f11(line({ practitioner: { amNumber: '2A1234567' } }))).toEqual(['error@practitioner.amNumber']);
    expect(f11(line({ practitioner: { rpps: '', amNumber: '' } }))).toEqual(['error@practitioner.rpps', 'error@practitioner.amNumber']);
  });
});

describe('F12: codes known and valid on the date of service', () => {
  const f12 = (input: BillingLineInput) => resultsOf(input, 'F12');

  it('passes codes in force', () => {
    expect(f12(validLine())).toEqual([]);
    expect(f12(te2Line({ visit: { dateOfService: '2022-03-31' }, coding: { code: 'TE1', amountCents: 1200 } }))).toEqual([]);
  });

  it('blocks TE1 for services from 2022-04-01', () => {
    for (const dateOfService of ['2022-04-01', '2025-06-01', '2025-12-31']) {
      expect(f12(te2Line({ visit: { dateOfService }, coding: { code: 'TE1', amountCents: 1200 } }))).toEqual([
        { rule: 'F12', severity: 'error', message: `F12: TE1 is not valid for services from 2022-04-01 (date of service ${dateOfService})`, field: 'coding.code' },
      ]);
    }
  });

  it('blocks a code before its first validity (TCS before 2025)', () => {
    const results = f12(line({ practitioner: { specialty: 'other_specialty' }, visit: { dateOfService: '2024-12-31' }, coding: { code: 'TCS', amountCents: 3000 } }));
    expect(results).toMatchObject([{ severity: 'error', message: 'F12: TCS is not valid for services before 2025-01-01 (date of service 2024-12-31)' }]);
  });

  it('blocks an unknown code and an add-on given as the act', () => {
    expect(f12(line({ coding: { code: 'ABC' } }))).toEqual([{ rule: 'F12', severity: 'error', message: 'F12: ABC is not a code in the fee table', field: 'coding.code' }]);
    expect(outcomes(line({ coding: { code: 'ABC' } }))).toEqual(['F12:error']);
    expect(f12(line({ coding: { code: 'MOP', amountCents: 500 } }))).toMatchObject([{ severity: 'error', field: 'coding.code' }]);
  });

  it('blocks a known add-on out of its validity (unknown add-ons are F3)', () => {
    const withMop = (dateOfService: string) =>
      line({
        patient: { birthDate: '1930-01-01', regularDoctorRpps: OTHER_RPPS },
        visit: { dateOfService },
        coding: { referral: true, addOns: [{ code: 'MOP', amountCents: 500 }] },
      });
    expect(f12(withMop('2018-09-15'))).toEqual([]);
    expect(f12(withMop('2017-10-31'))).toEqual([
      { rule: 'F12', severity: 'error', message: 'F12: TCG is not valid for services before 2018-09-15 (date of service 2017-10-31)', field: 'coding.code' },
      { rule: 'F12', severity: 'error', message: 'F12: MOP is not valid for services before 2017-11-01 (date of service 2017-10-31)', field: 'coding.addOns' },
    ]);
    expect(f12(line({ coding: { addOns: [{ code: 'XYZ', amountCents: 100 }] } }))).toEqual([]);
  });

  it('blocks a malformed date of service', () => {
    expect(f12(line({ visit: { dateOfService: '2026-02-30' } }))).toMatchObject([{ severity: 'error', field: 'visit.dateOfService' }]);
  });
});

describe('F13: TE2 per patient and requesting doctor', () => {
  const f13 = (input: BillingLineInput) => resultsOf(input, 'F13').map((r) => r.severity);

  it('passes up to 4 a year and without a count', () => {
    expect(f13(te2Line())).toEqual([]);
    expect(f13(te2Line({ context: { te2CountForPatientAndRequester: 1 } }))).toEqual([]);
    expect(f13(te2Line({ context: { te2CountForPatientAndRequester: 4 } }))).toEqual([]);
  });

  it('warns from the 5th', () => {
    const [result] = resultsOf(te2Line({ context: { te2CountForPatientAndRequester: 5 } }), 'F13');
    expect(result).toMatchObject({ severity: 'warning', field: 'coding.code' });
    expect(result.message).toMatch(/^F13: this is TE2 number 5 this year/);
  });

  it('applies to TE2 only', () => {
    expect(f13(te2Line({ coding: { code: 'RQD', amountCents: 1000 }, context: { te2CountForPatientAndRequester: 9 } }))).toEqual([]);
    expect(f13(line({ context: { te2CountForPatientAndRequester: 9 } }))).toEqual([]);
  });
});

describe('ageOn', () => {
  it('counts whole years, turning a year older on the birthday', () => {
    expect(ageOn('1946-03-10', '2026-03-10')).toBe(80);
    expect(ageOn('1946-03-11', '2026-03-10')).toBe(79);
    expect(ageOn('1946-02-10', '2026-03-10')).toBe(80);
    expect(ageOn('2026-03-10', '2026-03-10')).toBe(0);
  });

  it('makes people born on 29 February older on 1 March in common years', () => {
    expect(ageOn('2008-02-29', '2024-02-28')).toBe(15);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
    expect(ageOn('2008-02-29', '2025-02-28')).toBe(16);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2025-03-01')).toBe(17);
  });

  it('rejects malformed dates', () => {
    expect(() => ageOn('1995-10-32', '2026-03-10')).toThrow(RangeError);
    expect(() => ageOn('1995-10-14', '10/03/2026')).toThrow(RangeError);
  });
});
