import { INS_OID_NIA, INS_OID_NIR } from '@visite/contracts';
import { PATIENT } from './billing-fixtures';
import {
  compactNumber,
  IDENTITY_ERRORS,
  identityHints,
  initialIdentityForm,
  isSelfRegularDoctor,
  readIdentityForm,
  withIns,
  withSelfRegularDoctor,
  type IdentityFormState,
} from './identity-form-state';

const NIR = '267117512345631';
const NIA = '785057512345664';
const form = (overrides: Partial<IdentityFormState> = {}): IdentityFormState => ({ ...initialIdentityForm(PATIENT), ...overrides });

describe('initialIdentityForm', () => {
  it('shows the stored identity, with the NIR OID chosen by default', () => {
    expect(form()).toEqual({
      sex: 'female',
      identityStatus: 'PROV',
      insuredNir: NIR,
      beneficiaryRank: '1',
      ins: '',
      insOid: INS_OID_NIR,
      regularDoctorRpps: '',
    });
  });
});

describe('readIdentityForm', () => {
  it('builds the update with numbers typed with spaces', () => {
    expect(readIdentityForm(form({ insuredNir: '2 67 11 75 123 456 31', beneficiaryRank: ' 2 ', regularDoctorRpps: '101 0101 0101' }))).toEqual({
      update: {
        sex: 'female',
        identityStatus: 'PROV',
        insuredNir: NIR,
        beneficiaryRank: 2,
        ins: null,
        insOid: null,
        regularDoctorRpps: '10101010101',
      },
    });
  });

  it('sends a NIR that does not check out (rule F9 reports it on the line) and an empty NIR as none', () => {
    expect(readIdentityForm(form({ insuredNir: '12345' }))).toMatchObject({ update: { insuredNir: '12345' } });
    expect(readIdentityForm(form({ insuredNir: '1 85 05 2a 123 456 33' }))).toMatchObject({ update: { insuredNir: '185052A12345633' } });
    expect(readIdentityForm(form({ insuredNir: ' ' }))).toMatchObject({ update: { insuredNir: null } });
  });

  it('refuses a rank or a regular doctor RPPS that cannot be sent', () => {
    expect(readIdentityForm(form({ beneficiaryRank: '0', regularDoctorRpps: '123' }))).toEqual({
      errors: { beneficiaryRank: IDENTITY_ERRORS.beneficiaryRank, regularDoctorRpps: IDENTITY_ERRORS.regularDoctorRpps },
    });
    expect(readIdentityForm(form({ beneficiaryRank: '1.5' }))).toHaveProperty('errors.beneficiaryRank');
    expect(readIdentityForm(form({ beneficiaryRank: '100' }))).toHaveProperty('errors.beneficiaryRank');
    expect(readIdentityForm(form({ beneficiaryRank: '' }))).toHaveProperty('errors.beneficiaryRank');
  });

  it('sends the INS and its OID only for a qualified identity', () => {
    expect(readIdentityForm(form({ identityStatus: 'QUAL', ins: NIA, insOid: INS_OID_NIA }))).toMatchObject({
      update: { identityStatus: 'QUAL', ins: NIA, insOid: INS_OID_NIA },
    });
    expect(readIdentityForm(form({ identityStatus: 'QUAL', ins: '' }))).toMatchObject({ update: { ins: null, insOid: null } });
    expect(readIdentityForm(form({ identityStatus: 'VALI', ins: NIR }))).toMatchObject({ update: { ins: null, insOid: null } });
  });
});

describe('identityHints', () => {
  it('says nothing of valid or empty numbers', () => {
    expect(identityHints(form())).toEqual({});
    expect(identityHints(form({ insuredNir: '', identityStatus: 'QUAL', ins: NIR }))).toEqual({});
  });

  it('explains a wrong key or length', () => {
    expect(identityHints(form({ insuredNir: '267117512345678' })).insuredNir).toMatch(/key/);
    expect(identityHints(form({ insuredNir: '2671175' })).insuredNir).toMatch(/15 characters/);
  });

  it('checks the INS of a qualified identity only', () => {
    expect(identityHints(form({ identityStatus: 'QUAL', ins: '123' })).ins).toBeDefined();
    expect(identityHints(form({ identityStatus: 'PROV', ins: '123' })).ins).toBeUndefined();
  });
});

describe('withIns', () => {
  it('picks the OID from the first digit of the INS', () => {
    expect(withIns(form(), NIA).insOid).toBe(INS_OID_NIA);
    expect(withIns(form({ insOid: INS_OID_NIA }), NIR).insOid).toBe(INS_OID_NIR);
    expect(withIns(form({ insOid: INS_OID_NIA }), '').insOid).toBe(INS_OID_NIA);
  });
});

describe('regular doctor shortcut', () => {
  const self = '10101010101';
  it('fills and clears the doctor own RPPS', () => {
    const ticked = withSelfRegularDoctor(form(), self, true);
    expect(ticked.regularDoctorRpps).toBe(self);
    expect(isSelfRegularDoctor(ticked, self)).toBe(true);
    expect(withSelfRegularDoctor(ticked, self, false).regularDoctorRpps).toBe('');
  });

  it('leaves another doctor RPPS alone when unticked, and is never ticked without an RPPS of its own', () => {
    const other = form({ regularDoctorRpps: '22222222222' });
    expect(isSelfRegularDoctor(other, self)).toBe(false);
    expect(withSelfRegularDoctor(other, self, false)).toBe(other);
    expect(isSelfRegularDoctor(form({ regularDoctorRpps: '' }), null)).toBe(false);
  });

  it('recognises the RPPS typed with spaces', () => {
    expect(isSelfRegularDoctor(form({ regularDoctorRpps: '101 0101 0101' }), self)).toBe(true);
    expect(compactNumber(' 1.2-3 ')).toBe('123');
  });
});
