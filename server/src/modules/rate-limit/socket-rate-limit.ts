import { RateLimitedException } from './rate-limit.exception';

/**
 * Per-connection limit of realtime events: a token bucket that holds `burst` events and refills
 * `perSecond` a second. It lives with the socket (a connection is on one node), so checking it costs
 * no I/O: an event over the limit is refused at once, before any database work.
 */
export class SocketEventBucket {
  private tokens: number;
  private last = Date.now();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
  ) {
    this.tokens = burst;
  }

  /** Takes one event, or throws RateLimitedException with when one will be available. */
  take(now = Date.now()): void {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return;
    }
    throw new RateLimitedException(Math.max(1, Math.ceil((1 - this.tokens) / this.perSecond)));
  }
}
