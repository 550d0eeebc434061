import { minutesSince } from './format-time';

// Dates, times and durations are formatted by @visite/i18n (packages/i18n/src/format.spec.ts).
describe('minutesSince', () => {
  it('counts whole minutes and never goes negative', () => {
    const now = Date.parse('2025-06-03T10:00:00Z');
    expect(minutesSince('2025-06-03T09:55:30Z', now)).toBe(4);
    expect(minutesSince('2025-06-03T10:05:00Z', now)).toBe(0);
    expect(minutesSince('not a date', now)).toBe(0);
  });
});
