import { createWorker, types } from 'mediasoup';
import type { SfuConfig } from '../config';
import type { Logger } from '../logging/logger';
import type { WorkerSlot } from './worker-slot';

export type WorkerPoolOptions = Pick<SfuConfig, 'numWorkers' | 'listenIp' | 'announcedAddress' | 'webRtcPort' | 'logLevel' | 'workerBin'>;

/** Called when a worker died, before its replacement exists: close what lived on `deadWorker`. */
export type WorkerDiedListener = (deadWorker: types.Worker, slotIndex: number) => void;

/** Ports tried when SFU_WEBRTC_PORT is 0 ("pick a free port"). */
const FREE_PORT_RANGE = { min: 20000, max: 59999 };
const RETRY_DELAY_MS = 1000;

/**
 * N mediasoup workers, each with one WebRtcServer (so each worker's media uses one UDP and one TCP port).
 * A worker that dies is replaced at the same slot; listeners close the rooms it hosted. Never exits the process.
 */
export class WorkerPool {
  readonly #options: WorkerPoolOptions;
  readonly #logger: Logger;
  readonly #slots: (WorkerSlot | undefined)[];
  readonly #diedListeners = new Set<WorkerDiedListener>();
  readonly #replacedListeners = new Set<(slot: WorkerSlot) => void>();
  readonly #retryTimers = new Set<NodeJS.Timeout>();
  #closed = false;

  private constructor(options: WorkerPoolOptions, logger: Logger) {
    this.#options = options;
    this.#logger = logger;
    this.#slots = new Array<WorkerSlot | undefined>(options.numWorkers).fill(undefined);
  }

  static async create(options: WorkerPoolOptions, logger: Logger): Promise<WorkerPool> {
    const pool = new WorkerPool(options, logger);
    try {
      await Promise.all(pool.#slots.map((_, index) => pool.#startSlot(index)));
    } catch (err) {
      pool.close();
      throw err;
    }
    return pool;
  }

  /** Current slots; a slot whose worker died and is not yet replaced is absent. */
  get slots(): readonly WorkerSlot[] {
    return this.#slots.filter((slot): slot is WorkerSlot => slot !== undefined);
  }

  get size(): number {
    return this.#slots.length;
  }

  get aliveCount(): number {
    return this.slots.filter((slot) => !slot.worker.died && !slot.worker.closed).length;
  }

  get allAlive(): boolean {
    return this.aliveCount === this.size;
  }

  get closed(): boolean {
    return this.#closed;
  }

  onWorkerDied(listener: WorkerDiedListener): void {
    this.#diedListeners.add(listener);
  }

  onWorkerReplaced(listener: (slot: WorkerSlot) => void): void {
    this.#replacedListeners.add(listener);
  }

  /** The live slot with the least load (as measured by the caller: rooms and peers hosted). */
  leastLoaded(loadOf: (worker: types.Worker) => number): WorkerSlot | undefined {
    let best: WorkerSlot | undefined;
    let bestLoad = Infinity;
    for (const slot of this.slots) {
      if (slot.worker.died || slot.worker.closed) continue;
      const load = loadOf(slot.worker);
      if (load < bestLoad) {
        best = slot;
        bestLoad = load;
      }
    }
    return best;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const timer of this.#retryTimers) clearTimeout(timer);
    this.#retryTimers.clear();
    for (const slot of this.slots) slot.worker.close();
  }

  async #startSlot(index: number): Promise<WorkerSlot> {
    const { logLevel, workerBin, listenIp, announcedAddress, webRtcPort } = this.#options;
    const worker = await createWorker({
      logLevel: workerLogLevel(logLevel),
      logTags: ['info', 'ice', 'dtls', 'rtp', 'srtp', 'rtcp'],
      ...(workerBin ? { workerBin } : {}),
      appData: { slot: index },
    });
    worker.on('died', (error) => this.#onDied(index, worker, error));
    if (this.#closed) {
      worker.close();
      throw new Error('worker pool closed');
    }
    let webRtcServer: types.WebRtcServer;
    try {
      const listenInfo = (protocol: types.TransportProtocol): types.TransportListenInfo =>
        webRtcPort === 0
          ? { protocol, ip: listenIp, announcedAddress, portRange: FREE_PORT_RANGE }
          : { protocol, ip: listenIp, announcedAddress, port: webRtcPort + index };
      webRtcServer = await worker.createWebRtcServer({ listenInfos: [listenInfo('udp'), listenInfo('tcp')] });
    } catch (err) {
      worker.close();
      throw err;
    }
    const slot: WorkerSlot = { index, worker, webRtcServer };
    this.#slots[index] = slot;
    this.#logger.info('worker started', { slot: index, pid: worker.pid, webRtcPort: webRtcPort === 0 ? 'any free port' : webRtcPort + index });
    return slot;
  }

  #onDied(index: number, worker: types.Worker, error: Error): void {
    if (this.#slots[index]?.worker !== worker) return;
    this.#slots[index] = undefined;
    this.#logger.error('worker died; replacing it', { slot: index, pid: worker.pid, error });
    for (const listener of this.#diedListeners) {
      try {
        listener(worker, index);
      } catch (err) {
        this.#logger.error('worker-died listener failed', { error: err });
      }
    }
    this.#replace(index);
  }

  #replace(index: number): void {
    if (this.#closed) return;
    this.#startSlot(index).then(
      (slot) => {
        this.#logger.info('worker replaced', { slot: index, pid: slot.worker.pid });
        for (const listener of this.#replacedListeners) listener(slot);
      },
      (err: unknown) => {
        if (this.#closed) return;
        this.#logger.error('replacing the worker failed; retrying', { slot: index, error: err });
        const timer = setTimeout(() => {
          this.#retryTimers.delete(timer);
          this.#replace(index);
        }, RETRY_DELAY_MS);
        this.#retryTimers.add(timer);
      },
    );
  }
}

export function workerLogLevel(level: SfuConfig['logLevel']): types.WorkerLogLevel {
  if (level === 'debug') return 'debug';
  if (level === 'error') return 'error';
  if (level === 'silent') return 'none';
  return 'warn';
}
