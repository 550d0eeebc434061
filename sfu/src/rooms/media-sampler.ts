import type { MediaRole } from '@visite/contracts';
import type { Logger } from '../logging/logger';
import type { MediaLedger } from './media-ledger';
import type { Peer, PeerProducer } from './peer';
import type { Room } from './room';

/** How long a control request waits for a room's last samples (a hung worker must not hang the request). */
export const SETTLE_TIMEOUT_MS = 2000;

/**
 * Feeds the MediaLedger from the workers with `producer.getStats()`.
 * - One timer for the whole SFU (`start`) samples every producer of every open room; unref'd, and a
 *   tick is skipped while the previous one is still waiting for answers.
 * - Rooms call `samplePeer` / `sampleProducer` just before closing producers. The request reaches the
 *   worker before the close (one channel, handled in order), so the ledger gets the final counters.
 * A sample that fails (producer closed, worker dead) is ignored: the previous sample stands.
 */
export class MediaSampler {
  readonly #ledger: MediaLedger;
  readonly #logger: Logger;
  /** Samples not answered yet, by room id (see `settled`). */
  readonly #inflight = new Map<string, Set<Promise<void>>>();
  #timer: NodeJS.Timeout | undefined;
  #ticking = false;

  constructor(ledger: MediaLedger, logger: Logger) {
    this.#ledger = ledger;
    this.#logger = logger;
  }

  get running(): boolean {
    return this.#timer !== undefined;
  }

  /** Samples the producers of `rooms()` every `intervalMs` until `stop`. */
  start(intervalMs: number, rooms: () => Iterable<Room>): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => void this.#tick(rooms), intervalMs);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** Samples every producer of `peer`; the requests are sent before this returns. Never rejects. */
  samplePeer(roomId: string, peer: Peer): Promise<void> {
    return Promise.all(peer.producers.map((producer) => this.sampleProducer(roomId, peer.role, producer))).then(() => undefined);
  }

  /** Samples one producer; the request is sent before this returns. Never rejects. */
  sampleProducer(roomId: string, role: MediaRole, producer: PeerProducer): Promise<void> {
    if (producer.closed) return Promise.resolve();
    let stats: ReturnType<PeerProducer['getStats']>;
    try {
      stats = producer.getStats();
    } catch {
      return Promise.resolve();
    }
    const sample = stats.then(
      (streams) => {
        let packets = 0;
        let bytes = 0;
        for (const stream of streams) {
          packets += stream.packetCount;
          bytes += stream.byteCount;
        }
        this.#ledger.record(roomId, { producerId: producer.id, role, kind: producer.kind, packets, bytes });
      },
      (err: unknown) => this.#logger.debug('producer sample failed; keeping the previous one', { roomId, producerId: producer.id, error: err }),
    );
    this.#track(roomId, sample);
    return sample;
  }

  /** Waits (at most `timeoutMs`) for the samples of `roomId` sent so far, e.g. those sent as the room closed. */
  async settled(roomId: string, timeoutMs = SETTLE_TIMEOUT_MS): Promise<void> {
    const pending = this.#inflight.get(roomId);
    if (!pending || pending.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    try {
      await Promise.race([Promise.all(pending), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  #track(roomId: string, sample: Promise<void>): void {
    let pending = this.#inflight.get(roomId);
    if (!pending) this.#inflight.set(roomId, (pending = new Set()));
    pending.add(sample);
    void sample.finally(() => {
      pending.delete(sample);
      if (pending.size === 0 && this.#inflight.get(roomId) === pending) this.#inflight.delete(roomId);
    });
  }

  async #tick(rooms: () => Iterable<Room>): Promise<void> {
    if (this.#ticking) return;
    this.#ticking = true;
    try {
      const samples: Promise<void>[] = [];
      for (const room of rooms()) {
        if (room.closed || room.kind === 'check') continue;
        for (const peer of room.peers) samples.push(this.samplePeer(room.id, peer));
      }
      await Promise.all(samples);
    } finally {
      this.#ticking = false;
    }
  }
}
