/** At most this long between two attempts. */
const MAX_DELAY_SECONDS = 6 * 3600;

/**
 * When to try a message again after `attempts` attempts that failed for now: the base delay, then four
 * times longer each time (30 s, 2 min, 8 min, 32 min, ~2 h with the default base), capped at 6 hours;
 * null when the last attempt is used up (the message is given up).
 */
export function nextRetryDelaySeconds(attempts: number, policy: { retryBaseSeconds: number; maxAttempts: number }): number | null {
  if (attempts >= policy.maxAttempts) return null;
  return Math.min(MAX_DELAY_SECONDS, policy.retryBaseSeconds * 4 ** Math.max(0, attempts - 1));
}
