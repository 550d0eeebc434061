import type { MediaRole, MediaSideSummary, RoomMediaSummary } from '@visite/contracts';

export type MediaKind = 'audio' | 'video';

/** One sample of one producer: the cumulative counters the worker reports for it (all its streams summed). */
export interface ProducerSample {
  producerId: string;
  role: MediaRole;
  kind: MediaKind;
  packets: number;
  bytes: number;
}

export interface MediaLedgerOptions {
  /** How long a room's entry is kept after its last sample (default 6 h). */
  retentionMs?: number;
  /** Rooms kept at most; beyond, the least recently sampled is evicted (default 10,000). */
  maxRooms?: number;
  /** Producer ids kept per room; beyond, the least recently sampled is folded into the room's totals (default 1,000). */
  maxProducersPerRoom?: number;
  now?: () => number;
}

export const DEFAULT_LEDGER_RETENTION_MS = 6 * 60 * 60 * 1000;
export const DEFAULT_LEDGER_MAX_ROOMS = 10_000;
export const DEFAULT_LEDGER_MAX_PRODUCERS_PER_ROOM = 1_000;

interface ProducerEntry {
  role: MediaRole;
  kind: MediaKind;
  packets: number;
  bytes: number;
}

interface RoomEntry {
  /** By producer id, least recently sampled first. */
  readonly producers: Map<string, ProducerEntry>;
  /** Counters of producers folded out of `producers` (see maxProducersPerRoom). */
  readonly folded: Record<MediaRole, MediaSideSummary>;
  touchedAt: number;
}

/**
 * What the SFU carried per room, per side (the media token's role) and kind, for billing.
 * Pure accounting: the worker's counters per producer are cumulative, so for each producer id the ledger
 * keeps the highest sampled values (a late, older sample never lowers them) and a room's total is the sum
 * over its producer ids (a reconnection brings new producers; the old ones keep their last sample).
 * Entries outlive their Room (a visit is closed after everybody left), bounded in age and number.
 */
export class MediaLedger {
  readonly #retentionMs: number;
  readonly #maxRooms: number;
  readonly #maxProducersPerRoom: number;
  readonly #now: () => number;
  /** By room id, least recently sampled first. */
  readonly #rooms = new Map<string, RoomEntry>();

  constructor(options: MediaLedgerOptions = {}) {
    this.#retentionMs = options.retentionMs ?? DEFAULT_LEDGER_RETENTION_MS;
    this.#maxRooms = options.maxRooms ?? DEFAULT_LEDGER_MAX_ROOMS;
    this.#maxProducersPerRoom = options.maxProducersPerRoom ?? DEFAULT_LEDGER_MAX_PRODUCERS_PER_ROOM;
    this.#now = options.now ?? Date.now;
  }

  /** Rooms currently held. */
  get size(): number {
    return this.#rooms.size;
  }

  has(roomId: string): boolean {
    this.#evict(this.#now());
    return this.#rooms.has(roomId);
  }

  record(roomId: string, sample: ProducerSample): void {
    const now = this.#now();
    let room = this.#rooms.get(roomId);
    if (room) this.#rooms.delete(roomId);
    else room = { producers: new Map(), folded: { doctor: emptySide(), patient: emptySide() }, touchedAt: now };
    room.touchedAt = now;
    this.#rooms.set(roomId, room);

    const previous = room.producers.get(sample.producerId);
    if (previous) room.producers.delete(sample.producerId);
    room.producers.set(sample.producerId, {
      role: previous?.role ?? sample.role,
      kind: previous?.kind ?? sample.kind,
      packets: Math.max(previous?.packets ?? 0, counter(sample.packets)),
      bytes: Math.max(previous?.bytes ?? 0, counter(sample.bytes)),
    });
    if (room.producers.size > this.#maxProducersPerRoom) {
      const [oldestId, oldest] = room.producers.entries().next().value as [string, ProducerEntry];
      room.producers.delete(oldestId);
      addTo(room.folded[oldest.role], oldest);
    }
    this.#evict(now);
  }

  /** What the room carried; all zeros for a room never sampled (or evicted). */
  summary(roomId: string): RoomMediaSummary {
    this.#evict(this.#now());
    const doctor = emptySide();
    const patient = emptySide();
    const room = this.#rooms.get(roomId);
    if (room) {
      const sides: Record<MediaRole, MediaSideSummary> = { doctor, patient };
      for (const role of ['doctor', 'patient'] as const) Object.assign(sides[role], room.folded[role]);
      for (const entry of room.producers.values()) addTo(sides[entry.role], entry);
    }
    return { roomId, doctor, patient };
  }

  #evict(now: number): void {
    for (const [roomId, room] of this.#rooms) {
      if (this.#rooms.size <= this.#maxRooms && now - room.touchedAt <= this.#retentionMs) break;
      this.#rooms.delete(roomId);
    }
  }
}

function emptySide(): MediaSideSummary {
  return { audioPackets: 0, videoPackets: 0, audioBytes: 0, videoBytes: 0 };
}

function addTo(side: MediaSideSummary, entry: ProducerEntry): void {
  if (entry.kind === 'audio') {
    side.audioPackets += entry.packets;
    side.audioBytes += entry.bytes;
  } else {
    side.videoPackets += entry.packets;
    side.videoBytes += entry.bytes;
  }
}

/** Worker counters are non-negative integers; anything else counts as nothing. */
function counter(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}
