import { formatDate, formatDateTime, formatDuration, formatMoney, formatNumber, formatPercent, formatRelativeMinutes, formatShortDate, formatTime, formatWeekday } from './format';

const paris = { timeZone: 'Europe/Paris' };
// Tuesday 1 December 2026, 08:28 in Paris.
const instant = '2026-12-01T07:28:00Z';
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatters (Intl in the chosen language)', () => {
  it('dates and times', () => {
    expect(formatDateTime('fr', instant, paris)).toBe('mardi 1 décembre à 08:28');
    expect(formatDateTime('en', instant, paris)).toBe('Tuesday, December 1 at 08:28');
    expect(formatTime('fr', instant, paris)).toBe('08:28');
    expect(formatTime('en', '2026-12-01T15:05:00Z', paris)).toBe('16:05');
    expect(formatWeekday('fr', instant, paris)).toBe('mardi');
    expect(formatWeekday('en', instant, paris)).toBe('Tuesday');
    expect(formatDate('fr', instant, paris)).toBe('1 décembre 2026');
    expect(formatDate('en', instant, paris)).toBe('December 1, 2026');
  });

  it('calendar days are the same day in every time zone', () => {
    expect(formatDate('fr', '1967-11-07', { timeZone: 'Pacific/Kiritimati' })).toBe('7 novembre 1967');
    expect(formatDate('en', '1967-11-07')).toBe('November 7, 1967');
    expect(formatShortDate('fr', '2026-03-09')).toBe('09/03/2026');
    expect(formatShortDate('en', '2026-03-09')).toBe('03/09/2026');
    expect(formatDate('fr', '2026-02-30')).toBe('2026-02-30');
    expect(formatDate('fr', 'not a date')).toBe('not a date');
    expect(formatDateTime('fr', 'nope')).toBe('');
  });

  it('numbers, percentages and money', () => {
    expect(nbsp(formatNumber('fr', 1234.5))).toBe('1 234,5');
    expect(formatNumber('en', 1234.5)).toBe('1,234.5');
    expect(nbsp(formatPercent('fr', 42.5))).toBe('42,5 %');
    expect(formatPercent('en', 42.5)).toBe('42.5%');
    expect(nbsp(formatMoney('fr', 2500))).toBe('25,00 €');
    expect(formatMoney('en', 2500)).toBe('€25.00');
    expect(nbsp(formatMoney('fr', -350))).toBe('-3,50 €');
    expect(nbsp(formatMoney('fr', 123456))).toBe('1 234,56 €');
    expect(formatMoney('en', Number.NaN)).toBe('');
  });

  it('durations', () => {
    expect(formatDuration('fr', 5)).toBe('5 minutes');
    expect(formatDuration('en', 1)).toBe('1 minute');
    expect(nbsp(formatDuration('fr', 4, 'short'))).toBe('4 min');
    expect(formatDuration('en', 65)).toBe('1 hour and 5 minutes');
    expect(nbsp(formatDuration('fr', 65))).toBe('1 heure et 5 minutes');
    expect(nbsp(formatDuration('fr', 65, 'short'))).toBe('1 h 5 min');
    expect(formatDuration('en', 120)).toBe('2 hours');
    expect(formatRelativeMinutes('fr', -5)).toBe('il y a 5 minutes');
    expect(formatRelativeMinutes('en', 5)).toBe('in 5 minutes');
    expect(formatRelativeMinutes('en', -120)).toBe('2 hours ago');
  });
});
