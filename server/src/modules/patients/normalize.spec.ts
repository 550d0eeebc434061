import { namePrefix, normalizeName, normalizePhone, parseSearchDate } from './normalize';

describe('normalised forms of the blind indexes', () => {
  it('ignores accents, case, spaces and hyphens in names', () => {
    expect(normalizeName('Lefèvre-Dupré')).toBe('lefevredupre');
    expect(normalizeName("  D'Aubigné ")).toBe('daubigne');
    expect(namePrefix('Éloïse')).toBe('elo');
    expect(namePrefix('Li')).toBe('li');
  });

  it('reads a French number however it is written', () => {
    expect(normalizePhone('+33 6 12 34 56 78')).toBe('612345678');
    expect(normalizePhone('06.12.34.56.78')).toBe('612345678');
    expect(normalizePhone('0033612345678')).toBe('612345678');
  });

  it('reads dates of birth in both orders, and nothing else', () => {
    expect(parseSearchDate('1948-05-17')).toBe('1948-05-17');
    expect(parseSearchDate('17/05/1948')).toBe('1948-05-17');
    expect(parseSearchDate('7.5.1948')).toBe('1948-05-07');
    expect(parseSearchDate('Durand')).toBeNull();
  });
});
