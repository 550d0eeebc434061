import { toE164, validateNewVisit } from './validate-new-visit';

describe('toE164', () => {
  it.each([
    ['06 12 34 56 78', '+33612345678'],
    ['06.12.34.56.78', '+33612345678'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['0033612345678', '+33612345678'],
    ['+33 0 6 12 34 56 78', '+33612345678'],
    ['+32 470 12 34 56', '+32470123456'],
  ])('%s -> %s', (raw, e164) => {
    expect(toE164(raw)).toBe(e164);
  });

  it('refuses what is not a phone number', () => {
    expect(toE164('12345')).toBeNull();
    expect(toE164('hello')).toBeNull();
    expect(toE164('')).toBeNull();
  });
});

describe('validateNewVisit', () => {
  const base = { firstName: ' Marie ', lastName: 'Curie', birthDate: '1967-11-07', phone: '', email: '' };
  const today = new Date('2025-06-03T10:00:00Z');

  it('needs a phone or an e-mail', () => {
    const result = validateNewVisit(base, today);
    expect('errors' in result && result.errors.contact).toBe('newVisit.errors.contact');
  });

  it('builds the request with trimmed names and an E.164 phone', () => {
    expect(validateNewVisit({ ...base, phone: '06 12 34 56 78' }, today)).toEqual({
      request: { patient: { firstName: 'Marie', lastName: 'Curie', birthDate: '1967-11-07', phone: '+33612345678' } },
    });
  });

  it('reports each wrong field', () => {
    const result = validateNewVisit({ firstName: '', lastName: '', birthDate: '2030-01-01', phone: 'abc', email: 'nope' }, today);
    expect('errors' in result && Object.keys(result.errors).sort()).toEqual(['birthDate', 'email', 'firstName', 'lastName', 'phone']);
  });
});
