import { reconnectDelayMs } from './backoff';

describe('reconnectDelayMs', () => {
  it('doubles from one second and stops at ten', () => {
    expect([0, 1, 2, 3, 4, 5, 50].map((n) => reconnectDelayMs(n))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });

  it('survives nonsense attempts', () => {
    expect(reconnectDelayMs(-1)).toBe(1000);
    expect(reconnectDelayMs(Number.NaN)).toBe(1000);
    expect(reconnectDelayMs(1e9)).toBe(10_000);
  });
});
