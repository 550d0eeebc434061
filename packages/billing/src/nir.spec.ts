import { INS_OID_NIA, INS_OID_NIR, type PatientBilling } from '@visite/contracts';
import { checkNir, exportableIns, insOidFor, insProblems, nirKey } from './nir';

describe('nirKey', () => {
  it('computes 97 - (number mod 97)', () => {
    expect(nirKey('2951099126111')).toBe(93);
  });

  it('reads the Corsican departments 2A as 19 and 2B as 18', () => {
    expect(nirKey('253072B073004')).toBe(70);
    expect(nirKey('2530718073004')).toBe(70);
    expect(nirKey('253072A073004')).toBe(43);
    expect(nirKey('2530719073004')).toBe(43);
  });

  it('gives 97 (not 0) when the number is a multiple of 97', () => {
    // 1000000000047 = 97 * 10309278351.
    expect(nirKey('1000000000047')).toBe(97);
  });

  it('rejects a body that is not 13 digits (2A/2B only at characters 6-7)', () => {
    expect(() => nirKey('295109912611')).toThrow(RangeError);
    expect(() => nirKey('2A51099126111')).toThrow(RangeError);
    expect(() => nirKey('253072C073004')).toThrow(RangeError);
  });
});

describe('checkNir', () => {
  it('accepts a NIR (first digit 1 or 2) with its key', () => {
    expect(checkNir('295109912611193')).toEqual({ valid: true, kind: 'nir' });
    expect(checkNir('185079912345639')).toEqual({ valid: true, kind: 'nir' });
  });

  it('accepts Corsican NIRs', () => {
    expect(checkNir('253072B07300470')).toEqual({ valid: true, kind: 'nir' });
    expect(checkNir('253072A07300443')).toEqual({ valid: true, kind: 'nir' });
  });

  it('accepts a temporary NIA (first digit 7 or 8) as a NIA', () => {
    expect(checkNir('785079912345630')).toEqual({ valid: true, kind: 'nia' });
    const body8 = '8850799123456';
    expect(checkNir(body8 + String(nirKey(body8)).padStart(2, '0'))).toEqual({ valid: true, kind: 'nia' });
  });

  it('rejects a wrong key and says which key was expected', () => {
    expect(checkNir('295109912611194')).toEqual({ valid: false, reason: 'Its key 94 does not match the first 13 characters (the key should be 93).' });
    // The 2A key on a 2B number.
    expect(checkNir('253072B07300443')).toMatchObject({ valid: false });
  });

  it('rejects a wrong length', () => {
    expect(checkNir('29510991261119')).toEqual({ valid: false, reason: 'It must be 15 characters (13 and a 2-digit key), but it has 14.' });
    expect(checkNir('2951099126111930')).toMatchObject({ valid: false });
    expect(checkNir('')).toMatchObject({ valid: false });
  });

  it('rejects letters other than 2A/2B at characters 6-7, and lower-case Corsica', () => {
    expect(checkNir('29510991261X193')).toEqual({
      valid: false,
      reason: 'Its first 13 characters must be digits, except 2A or 2B (Corsica) at characters 6-7.',
    });
    expect(checkNir('253072C07300470')).toMatchObject({ valid: false });
    expect(checkNir('253072b07300470')).toMatchObject({ valid: false });
    expect(checkNir('2951099126111AB')).toEqual({ valid: false, reason: 'Its last 2 characters (the key) must be digits.' });
  });

  it('rejects a first digit other than 1, 2, 7, 8', () => {
    expect(checkNir('395109912611193')).toEqual({
      valid: false,
      reason: 'Its first digit must be 1 or 2 (NIR) or 7 or 8 (temporary NIA), not "3".',
    });
    expect(checkNir('095109912611193')).toMatchObject({ valid: false });
  });

  it('rejects spaces (the server strips them before)', () => {
    expect(checkNir('2 95 10 99 126 111 93')).toEqual({ valid: false, reason: 'It must be written without spaces.' });
    expect(checkNir('29510991261119 ')).toMatchObject({ valid: false });
  });
});

describe('INS', () => {
  const qualified = (ins: string | null, insOid: PatientBilling['insOid']): Pick<PatientBilling, 'ins' | 'insOid' | 'identityStatus'> => ({
    ins,
    insOid,
    identityStatus: 'QUAL',
  });

  it('derives the OID from the first digit', () => {
    expect(insOidFor('295109912611193')).toBe(INS_OID_NIR);
    expect(insOidFor('785079912345630')).toBe(INS_OID_NIA);
    expect(insOidFor('395109912611193')).toBeNull();
    expect(insOidFor('')).toBeNull();
  });

  it('exports the INS of a qualified identity only when it is valid and its OID matches', () => {
    expect(exportableIns(qualified('295109912611193', INS_OID_NIR))).toEqual({ value: '295109912611193', oid: INS_OID_NIR });
    expect(exportableIns(qualified('785079912345630', INS_OID_NIA))).toEqual({ value: '785079912345630', oid: INS_OID_NIA });
    expect(exportableIns(qualified('785079912345630', INS_OID_NIR))).toBeNull();
    expect(exportableIns(qualified('295109912611194', INS_OID_NIR))).toBeNull();
    expect(exportableIns(qualified(null, null))).toBeNull();
    expect(exportableIns(qualified('295109912611193', null))).toBeNull();
  });

  it('never exports the INS of an identity that is not qualified', () => {
    for (const identityStatus of ['PROV', 'VALI', 'RECUP'] as const) {
      const patient = { ins: '295109912611193', insOid: INS_OID_NIR, identityStatus } as const;
      expect(exportableIns(patient)).toBeNull();
      expect(insProblems(patient)).toEqual([]);
    }
  });

  it('names the field to correct', () => {
    expect(insProblems(qualified(null, null)).map((p) => p.field)).toEqual(['patient.ins']);
    expect(insProblems(qualified('295109912611193', null)).map((p) => p.field)).toEqual(['patient.insOid']);
    expect(insProblems(qualified('295109912611193', INS_OID_NIA))).toEqual([
      { field: 'patient.insOid', message: `the INS is a NIR (first digit 2), so its OID must be ${INS_OID_NIR}, not ${INS_OID_NIA}` },
    ]);
  });
});
