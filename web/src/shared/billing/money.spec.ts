import { centsToEuroInput, parseEuros } from './money';

describe('centsToEuroInput', () => {
  it('writes the amount without the currency, or nothing when unknown', () => {
    expect(centsToEuroInput(2500)).toBe('25.00');
    expect(centsToEuroInput(2550, ',')).toBe('25,50');
    expect(parseEuros(centsToEuroInput(2550, ','))).toBe(2550);
    expect(centsToEuroInput(1)).toBe('0.01');
    expect(centsToEuroInput(null)).toBe('');
    expect(centsToEuroInput(undefined)).toBe('');
  });

  it('round-trips through parseEuros', () => {
    for (const cents of [0, 1, 99, 100, 2500, 2560, 123456]) expect(parseEuros(centsToEuroInput(cents))).toBe(cents);
  });
});

describe('parseEuros', () => {
  it.each([
    ['25', 2500],
    ['25.00', 2500],
    ['25,00', 2500],
    ['25,5', 2550],
    ['25.05', 2505],
    ['0,99', 99],
    [' 25 ', 2500],
    ['25 €', 2500],
    ['25€', 2500],
    ['1 234,50', 123450],
    ['1\u00a0234,50', 123450],
    ['0', 0],
  ])('%p -> %d cents', (text, cents) => {
    expect(parseEuros(text)).toBe(cents);
  });

  it.each([[''], ['  '], ['abc'], ['-5'], ['25.005'], ['25,'], ['.5'], ['25.00.00'], ['1,234.50'], ['2e3'], ['99999999999999999999']])(
    'refuses %p',
    (text) => {
      expect(parseEuros(text)).toBeNull();
    },
  );
});
