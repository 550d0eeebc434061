/**
 * Rooms the server closed (their visit ended), remembered for as long as a media token issued before
 * the close could still be valid: the longest token lifetime the SFU accepts, plus the clock skew it
 * tolerates. Until then a token for such a room is refused at the handshake, so a token of an ended
 * visit cannot re-open its room. A room the last peer left is not in here (its peers may come back).
 *
 * In memory: one SFU node today. With several nodes the server's close call reaches the node of the
 * room only, and this set would move to Redis.
 */
export class ClosedRooms {
  /** roomId -> when it may be forgotten (epoch ms). Insertion order is expiry order (one fixed memory). */
  readonly #until = new Map<string, number>();
  readonly #memoryMs: number;
  readonly #now: () => number;

  constructor(memoryMs: number, now: () => number = Date.now) {
    this.#memoryMs = memoryMs;
    this.#now = now;
  }

  get size(): number {
    this.#prune();
    return this.#until.size;
  }

  add(roomId: string): void {
    this.#prune();
    this.#until.delete(roomId);
    this.#until.set(roomId, this.#now() + this.#memoryMs);
  }

  has(roomId: string): boolean {
    this.#prune();
    return this.#until.has(roomId);
  }

  /** Forgets the rooms whose memory has run out (the oldest come first). */
  #prune(): void {
    const now = this.#now();
    for (const [roomId, until] of this.#until) {
      if (until > now) break;
      this.#until.delete(roomId);
    }
  }
}
