import { isIsoDate, isIsoDateTime, queryInt } from './primitives';

describe('isIsoDate: exactly what PostgreSQL stores as a date', () => {
  it.each(['2026-01-01', '2024-02-29', '1900-01-01', '2100-12-31'])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each([
    '2026-02-31', '2025-02-29', '2026-13-01', '2026-00-10', '26-01-01', '2026-1-1', '1899-12-31', '2101-01-01', '9999-99-99',
    '2026-W49-2', '2026-335', '20261201', '2026-12-01T00:00:00Z', ' 2026-12-01', '2026-12-01\u0000', '', 20260101, null,
  ])('refuses %p', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('isIsoDateTime: RFC 3339 with an explicit offset', () => {
  it.each(['2026-12-01T09:30:00Z', '2026-12-01T09:30Z', '2026-12-01T10:30:00+01:00', '2026-12-01T10:30:00.123Z', '2026-03-29T02:30:00+02:00'])('accepts %s', (value) => {
    expect(isIsoDateTime(value)).toBe(true);
  });

  it.each([
    '2026-12-01', '2026-12-01T09:30:00', '2026-W49-2T09:30Z', '2026-335T09:30:00Z', '2026-12-01T24:00:00Z', '2026-12-01T09:60:00Z',
    '2026-02-30T09:00:00Z', '2026-12-01 09:30:00Z', '2026-12-01T09:30:00+25:00', '9999-99-99T00:00:00Z', '2026-12-01T09:30:00.1234567Z', 1764581400000,
  ])('refuses %p', (value) => {
    expect(isIsoDateTime(value)).toBe(false);
  });
});

describe('queryInt', () => {
  it('reads whole numbers in range from query strings', () => {
    expect(queryInt(1, 500).parse('20')).toBe(20);
    for (const bad of ['0', '501', '-1', '1.5', '1e3', '', ' 2', '0x10', '99999999999']) expect(queryInt(1, 500).safeParse(bad).success).toBe(false);
  });
});
