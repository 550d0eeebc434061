import { nextRetryDelaySeconds } from './retry-policy';

describe('nextRetryDelaySeconds', () => {
  const policy = { retryBaseSeconds: 30, maxAttempts: 6 };

  it('backs off four times longer after each failed attempt', () => {
    expect([1, 2, 3, 4, 5].map((n) => nextRetryDelaySeconds(n, policy))).toEqual([30, 120, 480, 1920, 7680]);
  });

  it('gives up once the attempts are used up', () => {
    expect(nextRetryDelaySeconds(6, policy)).toBeNull();
    expect(nextRetryDelaySeconds(7, policy)).toBeNull();
  });

  it('never waits more than six hours', () => {
    expect(nextRetryDelaySeconds(9, { retryBaseSeconds: 600, maxAttempts: 20 })).toBe(6 * 3600);
  });
});
