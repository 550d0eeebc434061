import { dayBounds, isoDateIn } from './day-bounds';

describe('dayBounds', () => {
  it('gives the Paris day in summer (UTC+2)', () => {
    const { start, end } = dayBounds(new Date('2026-07-14T21:30:00Z'), 'Europe/Paris');
    expect(start.toISOString()).toBe('2026-07-13T22:00:00.000Z');
    expect(end.toISOString()).toBe('2026-07-14T22:00:00.000Z');
  });

  it('gives the Paris day in winter (UTC+1), just after local midnight', () => {
    const { start, end } = dayBounds(new Date('2026-11-22T23:30:00Z'), 'Europe/Paris');
    expect(start.toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(end.toISOString()).toBe('2026-11-23T23:00:00.000Z');
  });

  it('handles the 23-hour day of the spring clock change', () => {
    const { start, end } = dayBounds(new Date('2026-03-29T12:00:00Z'), 'Europe/Paris');
    expect(start.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(end.toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('works for a zone west of UTC', () => {
    const { start } = dayBounds(new Date('2026-01-10T03:00:00Z'), 'America/New_York');
    expect(start.toISOString()).toBe('2026-01-09T05:00:00.000Z');
  });
});

describe('isoDateIn', () => {
  it('gives the Paris calendar date, which differs from the UTC one just after local midnight', () => {
    expect(isoDateIn(new Date('2026-11-22T23:30:00Z'), 'Europe/Paris')).toBe('2026-11-23');
    expect(isoDateIn(new Date('2026-11-22T22:59:59Z'), 'Europe/Paris')).toBe('2026-11-22');
    expect(isoDateIn(new Date('2025-12-31T23:00:00Z'), 'Europe/Paris')).toBe('2026-01-01');
  });
});
