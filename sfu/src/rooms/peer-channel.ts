import type { NewConsumerOffer, SignalingServerEvents } from '@visite/contracts';

type Notification = Exclude<keyof SignalingServerEvents, 'newConsumer'>;

/** What the room needs from a peer's connection; the signaling layer implements it over socket.io. */
export interface PeerChannel {
  notify<E extends Notification>(event: E, payload: Parameters<SignalingServerEvents[E]>[0]): void;
  /** Offers a consumer; resolves true only when the client acknowledged it with `{ ok: true }`. */
  offerConsumer(offer: NewConsumerOffer): Promise<boolean>;
  /** Ends the connection (after the room closed or the peer was replaced). */
  disconnect(): void;
}
