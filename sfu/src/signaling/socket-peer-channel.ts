import type { NewConsumerOffer, SignalingServerEvents } from '@visite/contracts';
import type { PeerChannel } from '../rooms/peer-channel';
import type { SignalingSocket } from './signaling-types';

/** How long a client has to acknowledge a `newConsumer` offer. */
export const NEW_CONSUMER_ACK_TIMEOUT_MS = 10_000;

/** A peer's channel over its socket.io socket. */
export class SocketPeerChannel implements PeerChannel {
  readonly #socket: SignalingSocket;

  constructor(socket: SignalingSocket) {
    this.#socket = socket;
  }

  notify<E extends Exclude<keyof SignalingServerEvents, 'newConsumer'>>(event: E, payload: Parameters<SignalingServerEvents[E]>[0]): void {
    if (!this.#socket.connected) return;
    (this.#socket as unknown as { emit(event: string, payload: unknown): void }).emit(event, payload);
  }

  offerConsumer(offer: NewConsumerOffer): Promise<boolean> {
    return new Promise((resolve) => {
      if (!this.#socket.connected) {
        resolve(false);
        return;
      }
      let settled = false;
      const settle = (accepted: boolean): void => {
        if (settled) return;
        settled = true;
        this.#socket.off('disconnect', onDisconnect);
        resolve(accepted);
      };
      // A peer that goes away will never answer: settle now rather than at the timeout.
      const onDisconnect = (): void => settle(false);
      this.#socket.on('disconnect', onDisconnect);
      const withTimeout = this.#socket.timeout(NEW_CONSUMER_ACK_TIMEOUT_MS) as unknown as {
        emit(event: 'newConsumer', offer: NewConsumerOffer, ack: (err: Error | null, res: unknown) => void): void;
      };
      withTimeout.emit('newConsumer', offer, (err, res) => settle(!err && isOkAck(res)));
    });
  }

  disconnect(): void {
    this.#socket.disconnect(true);
  }
}

function isOkAck(res: unknown): boolean {
  return typeof res === 'object' && res !== null && (res as { ok?: unknown }).ok === true;
}
