import type { types } from 'mediasoup';

/** One live worker of the pool and the WebRtcServer that carries all its transports' media. */
export interface WorkerSlot {
  /** Position in the pool; a replacement worker takes the slot (and WebRTC port) of the dead one. */
  readonly index: number;
  readonly worker: types.Worker;
  readonly webRtcServer: types.WebRtcServer;
}
