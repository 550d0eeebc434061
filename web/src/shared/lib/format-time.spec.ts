import { formatDay, formatDuration, minutesSince } from './format-time';

describe('durations', () => {
  it('counts whole minutes and never goes negative', () => {
    const now = Date.parse('2025-06-03T10:00:00Z');
    expect(minutesSince('2025-06-03T09:55:30Z', now)).toBe(4);
    expect(minutesSince('2025-06-03T10:05:00Z', now)).toBe(0);
    expect(minutesSince('not a date', now)).toBe(0);
  });

  it('formats short and long waits', () => {
    expect(formatDuration(0)).toBe('just now');
    expect(formatDuration(12)).toBe('12 min');
    expect(formatDuration(65)).toBe('1 h 05');
  });
});

describe('formatDay', () => {
  it('writes a calendar day with its year, whatever the time zone', () => {
    const text = formatDay('2025-06-03');
    expect(text).toContain('2025');
    expect(text).toMatch(/3/);
  });

  it('gives back what is not a calendar day', () => {
    expect(formatDay('2025-02-30')).toBe('2025-02-30');
    expect(formatDay('soon')).toBe('soon');
  });
});
