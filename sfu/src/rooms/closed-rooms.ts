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
  /**
   * `roomId peerId` -> when that peer was put out (epoch ms), for peers the server closed alone (a
   * patient withdrew their consent): their tokens issued until then open nothing more; a token issued
   * after (the patient consented again) does. Same memory as rooms.
   */
  readonly #revokedPeers = new Map<string, number>();
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

  /** From now on, the peer's tokens issued up to this second are refused (for as long as tokens live). */
  revokePeer(roomId: string, peerId: string): void {
    this.#prune();
    const key = `${roomId} ${peerId}`;
    this.#revokedPeers.delete(key);
    this.#revokedPeers.set(key, this.#now());
  }

  /**
   * Whether a token of this peer issued at `issuedAtSeconds` (its `iat`) was issued before the peer was
   * put out. `iat` counts whole seconds: a token signed in the very second of the revocation is refused too.
   */
  peerRevoked(roomId: string, peerId: string, issuedAtSeconds: number): boolean {
    this.#prune();
    const revokedAt = this.#revokedPeers.get(`${roomId} ${peerId}`);
    return revokedAt !== undefined && issuedAtSeconds <= Math.floor(revokedAt / 1000);
  }

  /** Forgets the rooms whose memory has run out (the oldest come first). */
  #prune(): void {
    const now = this.#now();
    for (const [roomId, until] of this.#until) {
      if (until > now) break;
      this.#until.delete(roomId);
    }
    for (const [key, revokedAt] of this.#revokedPeers) {
      if (revokedAt + this.#memoryMs > now) break;
      this.#revokedPeers.delete(key);
    }
  }
}
