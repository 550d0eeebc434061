import type { PractitionerView } from '@visite/contracts';
import { formatShare, initialProfileForm, PROFILE_ERRORS, readProfileForm, shareLevel, splitDisplayName, type ProfileForm } from './practitioner-form';

const share = { year: 2025, countable: 3, declaredTotalActs: 24, percent: 12.5, limitPercent: 20 };
const view = (profile: PractitionerView['profile']): PractitionerView => ({ userId: 'u1', displayName: 'Dr Claire Martin', email: 'c@x', profile, share });
const filled: ProfileForm = {
  rpps: '101 0101 0101',
  amNumber: '12 345 678 9',
  profession: 'physician',
  specialty: 'general_practice',
  sector: '2',
  optam: true,
  firstName: ' Claire ',
  lastName: 'Martin',
  actsYear: '2025',
  actsTotal: '4 000',
};

describe('splitDisplayName', () => {
  it.each([
    ['Dr Claire Martin', 'Claire', 'Martin'],
    ['Dr. Jean de La Fontaine', 'Jean', 'de La Fontaine'],
    ['Claire Martin', 'Claire', 'Martin'],
    ['Martin', '', 'Martin'],
    ['  ', '', ''],
  ])('%p', (name, firstName, lastName) => {
    expect(splitDisplayName(name)).toEqual({ firstName, lastName });
  });
});

describe('initialProfileForm', () => {
  it('starts a new profile from the display name with usual defaults', () => {
    expect(initialProfileForm(view(null))).toEqual({
      rpps: '',
      amNumber: '',
      profession: 'physician',
      specialty: 'general_practice',
      sector: '1',
      optam: false,
      firstName: 'Claire',
      lastName: 'Martin',
      actsYear: '',
      actsTotal: '',
    });
  });

  it('round-trips a stored profile', () => {
    const result = readProfileForm(filled);
    if (!('profile' in result)) throw new Error('expected a profile');
    expect(readProfileForm(initialProfileForm(view(result.profile)))).toEqual(result);
  });
});

describe('readProfileForm', () => {
  it('builds the profile with compact numbers and the declared acts', () => {
    expect(readProfileForm(filled)).toEqual({
      profile: {
        rpps: '10101010101',
        amNumber: '123456789',
        profession: 'physician',
        specialty: 'general_practice',
        sector: '2',
        optam: true,
        firstName: 'Claire',
        lastName: 'Martin',
        declaredActs: { year: 2025, total: 4000 },
      },
    });
  });

  it('leaves the declared acts out when both are empty', () => {
    expect(readProfileForm({ ...filled, actsYear: '', actsTotal: '' })).toMatchObject({ profile: { declaredActs: null } });
  });

  it('reports each wrong field', () => {
    expect(readProfileForm({ ...filled, rpps: '123', amNumber: '12345678A', firstName: '', lastName: ' ', actsYear: '25', actsTotal: '' })).toEqual({
      errors: {
        rpps: PROFILE_ERRORS.rpps,
        amNumber: PROFILE_ERRORS.amNumber,
        firstName: PROFILE_ERRORS.firstName,
        lastName: PROFILE_ERRORS.lastName,
        actsYear: PROFILE_ERRORS.actsYear,
        actsTotal: PROFILE_ERRORS.actsTotal,
      },
    });
  });
});

describe('F7 share', () => {
  it('writes the share against its limit, or "not declared"', () => {
    expect(formatShare(share, 'en')).toBe('12.5% of 20% allowed (3 of 24 acts in 2025)');
    expect(formatShare(share, 'fr').replace(/[\u00a0\u202f]/g, ' ')).toBe('12,5 % sur 20 % autorisés (3 actes sur 24 en 2025)');
    expect(formatShare({ ...share, declaredTotalActs: null, percent: null }, 'en')).toMatch(/^not declared/);
    expect(formatShare({ ...share, declaredTotalActs: null, percent: null }, 'fr')).toBe('non déclaré (3 téléconsultations comptées en 2025)');
  });

  it('says how close to the cap the practitioner is', () => {
    expect(shareLevel(share)).toBe('ok');
    expect(shareLevel({ ...share, percent: 19 })).toBe('near');
    expect(shareLevel({ ...share, percent: 21 })).toBe('over');
    expect(shareLevel({ ...share, percent: null })).toBe('unknown');
  });
});
