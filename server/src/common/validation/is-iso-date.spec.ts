import { isRealIsoDate } from './is-iso-date';

describe('isRealIsoDate', () => {
  it.each(['2026-01-01', '2024-02-29', '1900-01-01', '2099-12-31'])('accepts %s', (value) => {
    expect(isRealIsoDate(value)).toBe(true);
  });

  it.each(['2026-02-31', '2025-02-29', '2026-13-01', '2026-00-10', '26-01-01', '2026-1-1', '1899-12-31', '2026-01-01T00:00:00Z', '', 20260101, null])(
    'refuses %p',
    (value) => {
      expect(isRealIsoDate(value)).toBe(false);
    },
  );
});
