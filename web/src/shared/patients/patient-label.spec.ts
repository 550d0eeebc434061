import { isSearchable } from './patients-api';
import { patientLabel } from './patient-label';

describe('patient directory helpers', () => {
  it('labels a patient with the birth name when it differs', () => {
    expect(patientLabel({ firstName: 'Inès', lastName: 'Dubois', birthName: 'Martinez', birthDate: '1980-04-12' })).toBe('DUBOIS Inès (née MARTINEZ), 12/04/1980');
    expect(patientLabel({ firstName: 'Luc', lastName: 'Petit', birthName: null, birthDate: '1970-01-01' })).toBe('PETIT Luc, 01/01/1970');
  });

  it('searches from 3 letters, a date of birth or 6 digits', () => {
    expect(isSearchable('du')).toBe(false);
    expect(isSearchable('dur')).toBe(true);
    expect(isSearchable('Éli')).toBe(true);
    expect(isSearchable('17/05/1948')).toBe(true);
    expect(isSearchable('06 12')).toBe(false);
    expect(isSearchable('061234')).toBe(true);
  });
});
