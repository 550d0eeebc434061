import {
  FEE_TABLE,
  FEE_TABLE_VERSION,
  NURSE_ASSISTANCE_CODES,
  REGIONAL_COEFFICIENTS,
  TELECONSULTATION_CODES,
  TELE_EXPERTISE_CODES,
  feeHistory,
  feeOn,
  feesValidOn,
  formatCents,
  isKnownCode,
  isNurseAssistanceCode,
  isTeleExpertiseCode,
  isTeleconsultationCode,
} from './fee-table';

describe('feeOn', () => {
  it('prices TE2 by the date of service, at both sides of the 2026-01-01 change', () => {
    expect(feeOn('TE2', '2022-04-01')?.amountCents).toBe(2000);
    expect(feeOn('TE2', '2025-12-31')?.amountCents).toBe(2000);
    expect(feeOn('TE2', '2026-01-01')?.amountCents).toBe(2300);
    expect(feeOn('TE2', '2026-01-02')?.amountCents).toBe(2300);
  });

  it('finds TE1 until 2022-03-31 only', () => {
    expect(feeOn('TE1', '2019-02-10')?.amountCents).toBe(1200);
    expect(feeOn('TE1', '2022-03-31')?.amountCents).toBe(1200);
    expect(feeOn('TE1', '2019-02-09')).toBeUndefined();
    expect(feeOn('TE1', '2022-04-01')).toBeUndefined();
    expect(feeOn('TE1', '2025-06-01')).toBeUndefined();
  });

  it('prices TCG at 25.00 EUR, not to confirm', () => {
    expect(feeOn('TCG', '2026-03-10')).toMatchObject({ code: 'TCG', kind: 'act', amountCents: 2500, toConfirm: false });
    expect(feeOn('TCG', '2018-09-15')?.amountCents).toBe(2500);
    expect(feeOn('TCG', '2018-09-14')).toBeUndefined();
  });

  it('prices TC at 25.00 until 2024-12-21 and 30.00 from 2024-12-22, both to confirm', () => {
    expect(feeOn('TC', '2024-12-21')).toMatchObject({ amountCents: 2500, toConfirm: true });
    expect(feeOn('TC', '2024-12-22')).toMatchObject({ amountCents: 3000, toConfirm: true });
  });

  it('has TCS from 2025-01-01 with no amount (to confirm)', () => {
    expect(feeOn('TCS', '2024-12-31')).toBeUndefined();
    expect(feeOn('TCS', '2025-01-01')).toMatchObject({ amountCents: null, toConfirm: true });
  });

  it('has RQD, the nurse assistance codes and the MOP add-on', () => {
    expect(feeOn('RQD', '2022-03-31')).toBeUndefined();
    expect(feeOn('RQD', '2022-04-01')?.amountCents).toBe(1000);
    expect(feeOn('TLS', '2026-03-10')?.amountCents).toBe(1000);
    expect(feeOn('TLL', '2026-03-10')?.amountCents).toBe(1200);
    expect(feeOn('TLD', '2026-03-10')?.amountCents).toBe(1500);
    expect(feeOn('TLD', '2018-12-31')).toBeUndefined();
    expect(feeOn('MOP', '2017-11-01')).toMatchObject({ kind: 'addon', amountCents: 500, toConfirm: true });
    expect(feeOn('MOP', '2017-10-31')).toBeUndefined();
  });

  it('returns undefined for an unknown code or a malformed date', () => {
    expect(feeOn('XYZ', '2026-03-10')).toBeUndefined();
    expect(feeOn('tcg', '2026-03-10')).toBeUndefined();
    expect(feeOn('TCG', '2026-02-30')).toBeUndefined();
    expect(feeOn('TCG', '10/03/2026')).toBeUndefined();
  });
});

describe('feesValidOn', () => {
  it('lists the acts and add-ons in force that day', () => {
    const codes = (date: string) => feesValidOn(date).map((fee) => `${fee.code}:${fee.amountCents}`);
    expect(codes('2026-03-10')).toEqual(['TCG:2500', 'TC:3000', 'TCS:null', 'TE2:2300', 'RQD:1000', 'TLS:1000', 'TLL:1200', 'TLD:1500', 'MOP:500']);
    expect(codes('2021-06-01')).toEqual(['TCG:2500', 'TC:2500', 'TE1:1200', 'TLS:1000', 'TLL:1200', 'TLD:1500', 'MOP:500']);
    expect(feesValidOn('not a date')).toEqual([]);
  });
});

describe('the fee table', () => {
  it('never has two entries of one code in force on the same day', () => {
    const codes = [...new Set(FEE_TABLE.map((fee) => fee.code))];
    for (const code of codes) {
      const history = feeHistory(code);
      for (let i = 1; i < history.length; i++) {
        const previous = history[i - 1];
        expect(previous.validTo).not.toBeNull();
        expect(previous.validTo! < history[i].validFrom).toBe(true);
      }
    }
  });

  it('gives every entry a source and a valid period', () => {
    for (const fee of FEE_TABLE) {
      expect(fee.source).toMatch(/\S/);
      expect(fee.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (fee.validTo !== null) expect(fee.validFrom <= fee.validTo).toBe(true);
    }
  });

  it('is frozen, with a version', () => {
    expect(FEE_TABLE_VERSION).toBe('ngap-2026-01');
    expect(Object.isFrozen(FEE_TABLE)).toBe(true);
    expect(Object.isFrozen(FEE_TABLE[0])).toBe(true);
  });

  it('stores the regional coefficients as to confirm', () => {
    expect(REGIONAL_COEFFICIENTS.map((c) => c.region)).toEqual(['metropole', 'antilles_guyane', 'reunion', 'mayotte']);
    expect(REGIONAL_COEFFICIENTS.every((c) => c.coefficient === null && c.toConfirm)).toBe(true);
  });
});

describe('code lists', () => {
  it('knows the codes of the table and classifies them', () => {
    expect(TELECONSULTATION_CODES).toEqual(['TCG', 'TC', 'TCS']);
    expect(NURSE_ASSISTANCE_CODES).toEqual(['TLS', 'TLL', 'TLD']);
    expect(TELE_EXPERTISE_CODES).toEqual(['TE1', 'TE2', 'RQD']);
    for (const code of [...TELECONSULTATION_CODES, ...NURSE_ASSISTANCE_CODES, ...TELE_EXPERTISE_CODES, 'MOP']) {
      expect(isKnownCode(code)).toBe(true);
    }
    expect(isKnownCode('XYZ')).toBe(false);
    expect(isTeleconsultationCode('TCS')).toBe(true);
    expect(isTeleconsultationCode('TE2')).toBe(false);
    expect(isNurseAssistanceCode('TLD')).toBe(true);
    expect(isTeleExpertiseCode('RQD')).toBe(true);
    expect(isTeleExpertiseCode('TCG')).toBe(false);
  });

  it('formats cents as euros', () => {
    expect(formatCents(2500)).toBe('25.00 EUR');
    expect(formatCents(5)).toBe('0.05 EUR');
  });
});
