import type { types } from 'mediasoup';
import type { RoomClosedReason } from '@visite/contracts';
import { SfuError, SfuErrorCode } from '../errors/sfu-error';
import type { Logger } from '../logging/logger';
import type { WorkerPool } from '../workers/worker-pool';
import type { MediaSampler } from './media-sampler';
import type { Peer } from './peer';
import { Room, type RoomKind } from './room';

/**
 * The rooms of this SFU, by room id.
 * Concurrency rule: room creation is serialised per room id through a map of pending creations, so
 * simultaneous first joins of one room all get the same Room (never twins on two routers).
 * A new room goes to the least loaded live worker (1 per room + 1 per peer).
 */
export class RoomRegistry {
  readonly #pool: WorkerPool;
  readonly #sampler: MediaSampler;
  readonly #logger: Logger;
  readonly #rooms = new Map<string, Room>();
  readonly #pending = new Map<string, Promise<Room>>();

  constructor(pool: WorkerPool, sampler: MediaSampler, logger: Logger) {
    this.#pool = pool;
    this.#sampler = sampler;
    this.#logger = logger;
    pool.onWorkerDied((worker) => this.closeRoomsOn(worker, 'worker-died'));
  }

  get size(): number {
    return this.#rooms.size;
  }

  get rooms(): readonly Room[] {
    return [...this.#rooms.values()];
  }

  get(roomId: string): Room | undefined {
    return this.#rooms.get(roomId);
  }

  /**
   * The room with this id, created on the least loaded worker if it does not exist yet. `kind`: a visit's
   * room, or a pre-call check room (loopback, one participant); the token's scope decides it.
   */
  async getOrCreate(roomId: string, kind: RoomKind = 'visit'): Promise<Room> {
    const existing = this.#rooms.get(roomId);
    if (existing && !existing.closed) return existing;
    const pending = this.#pending.get(roomId);
    if (pending) return pending;
    const creation = this.#create(roomId, kind).finally(() => this.#pending.delete(roomId));
    this.#pending.set(roomId, creation);
    return creation;
  }

  /** Puts `peer` in the room, creating the room if needed (retrying if it closed in between). */
  async addPeer(roomId: string, peer: Peer, kind: RoomKind = 'visit'): Promise<Room> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const room = await this.getOrCreate(roomId, kind);
      if (room.kind !== kind) throw new SfuError(SfuErrorCode.FORBIDDEN, `room ${roomId} is not a ${kind} room`);
      if (!room.closed) {
        room.addPeer(peer);
        return room;
      }
    }
    throw new SfuError(SfuErrorCode.UNAVAILABLE, 'the room could not be opened; try again');
  }

  /** Closes a room (the visit ended); false if there was no such room. */
  close(roomId: string, reason: RoomClosedReason): boolean {
    const room = this.#rooms.get(roomId);
    if (!room) return false;
    room.close(reason);
    return true;
  }

  closeRoomsOn(worker: types.Worker, reason: RoomClosedReason): void {
    for (const room of this.rooms) if (room.worker === worker) room.close(reason);
  }

  closeAll(reason: RoomClosedReason): void {
    for (const room of this.rooms) room.close(reason);
  }

  /** Load of a worker: one per room plus one per peer it hosts. */
  loadOf(worker: types.Worker): number {
    let load = 0;
    for (const room of this.#rooms.values()) if (room.worker === worker) load += 1 + room.peers.length;
    return load;
  }

  async #create(roomId: string, kind: RoomKind): Promise<Room> {
    const slot = this.#pool.leastLoaded((worker) => this.loadOf(worker));
    if (!slot) throw new SfuError(SfuErrorCode.UNAVAILABLE, 'no media worker is available; try again shortly');
    const room = await Room.create({
      id: roomId,
      kind,
      slot,
      logger: this.#logger,
      sampler: this.#sampler,
      onClose: (closed) => {
        if (this.#rooms.get(closed.id) === closed) this.#rooms.delete(closed.id);
      },
    });
    this.#rooms.set(roomId, room);
    this.#logger.info('room created', { roomId, kind, workerPid: slot.worker.pid, slot: slot.index });
    return room;
  }
}
