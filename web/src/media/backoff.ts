/** Delay before reconnection attempt number `attempt` (0-based): 1 s, 2 s, 4 s, 8 s, then 10 s. */
export function reconnectDelayMs(attempt: number, baseMs = 1000, maxMs = 10_000): number {
  if (!Number.isFinite(attempt) || attempt < 0) return baseMs;
  return Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
}
