import type { types } from 'mediasoup';
import type { MediaRole, MediaSource, PeerInfo } from '@visite/contracts';
import { SfuError, SfuErrorCode } from '../errors/sfu-error';
import type { PeerChannel } from './peer-channel';

export type TransportDirection = 'send' | 'recv';
export interface TransportAppData extends types.AppData {
  peerId: string;
  direction: TransportDirection;
}
export interface ProducerAppData extends types.AppData {
  peerId: string;
  source: MediaSource;
}
export interface ConsumerAppData extends types.AppData {
  peerId: string;
  source: MediaSource;
}

/** A browser's WebRTC transport, or (benchmark only) a plain SRTP transport. */
export type PeerTransport = types.WebRtcTransport<TransportAppData> | types.PlainTransport<TransportAppData>;
export type PeerWebRtcTransport = types.WebRtcTransport<TransportAppData>;
export type PeerPlainTransport = types.PlainTransport<TransportAppData>;
export type PeerProducer = types.Producer<ProducerAppData>;
export type PeerConsumer = types.Consumer<ConsumerAppData>;

/** Transports one peer may hold at once (send + recv, plus a few re-creations after network changes). */
export const MAX_TRANSPORTS_PER_PEER = 6;
/** Producers one peer may hold at once (mic, camera, screen, with room for device switches). */
export const MAX_PRODUCERS_PER_PEER = 8;

/**
 * One participant's connection to a room. Owns its transports; closing a transport closes the
 * producers and consumers on it, so closing the peer releases everything it holds.
 */
export class Peer {
  readonly #id: string;
  readonly #role: MediaRole;
  readonly #displayName: string;
  readonly #channel: PeerChannel;
  readonly #transports = new Map<string, PeerTransport>();
  readonly #producers = new Map<string, PeerProducer>();
  readonly #consumers = new Map<string, PeerConsumer>();
  #rtpCapabilities: types.RtpCapabilities | undefined;
  #closed = false;

  constructor(params: { id: string; role: MediaRole; displayName: string; channel: PeerChannel }) {
    this.#id = params.id;
    this.#role = params.role;
    this.#displayName = params.displayName;
    this.#channel = params.channel;
  }

  get id(): string {
    return this.#id;
  }

  get role(): MediaRole {
    return this.#role;
  }

  get channel(): PeerChannel {
    return this.#channel;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Joined peers are visible to others and can consume; a peer joins once, with its RTP capabilities. */
  get joined(): boolean {
    return this.#rtpCapabilities !== undefined;
  }

  get rtpCapabilities(): types.RtpCapabilities | undefined {
    return this.#rtpCapabilities;
  }

  get info(): PeerInfo {
    return { peerId: this.#id, role: this.#role, displayName: this.#displayName };
  }

  get transports(): readonly PeerTransport[] {
    return [...this.#transports.values()];
  }

  get producers(): readonly PeerProducer[] {
    return [...this.#producers.values()];
  }

  get consumers(): readonly PeerConsumer[] {
    return [...this.#consumers.values()];
  }

  /** The most recent open receive transport: where consumers for this peer are created. */
  get recvTransport(): PeerTransport | undefined {
    let latest: PeerTransport | undefined;
    for (const transport of this.#transports.values()) {
      if (transport.appData.direction === 'recv' && !transport.closed) latest = transport;
    }
    return latest;
  }

  markJoined(rtpCapabilities: types.RtpCapabilities): void {
    if (this.joined) throw new SfuError(SfuErrorCode.ALREADY_JOINED, 'this peer has already joined the room');
    this.#rtpCapabilities = rtpCapabilities;
  }

  addTransport(transport: PeerTransport): void {
    this.#transports.set(transport.id, transport);
    (transport.observer as types.TransportObserver).once('close', () => this.#transports.delete(transport.id));
  }

  transport(transportId: string, direction?: TransportDirection): PeerTransport {
    const transport = this.#transports.get(transportId);
    if (!transport || transport.closed || (direction && transport.appData.direction !== direction)) {
      const which = direction ? `${direction} transport` : 'transport';
      throw new SfuError(SfuErrorCode.TRANSPORT_NOT_FOUND, `no ${which} ${transportId} for this peer`);
    }
    return transport;
  }

  webRtcTransport(transportId: string): PeerWebRtcTransport {
    const transport = this.transport(transportId);
    if (transport.type !== 'webrtc') throw new SfuError(SfuErrorCode.TRANSPORT_NOT_FOUND, `no WebRTC transport ${transportId} for this peer`);
    return transport as PeerWebRtcTransport;
  }

  plainTransport(transportId: string): PeerPlainTransport {
    const transport = this.transport(transportId);
    if (transport.type !== 'plain') throw new SfuError(SfuErrorCode.TRANSPORT_NOT_FOUND, `no plain transport ${transportId} for this peer`);
    return transport as PeerPlainTransport;
  }

  addProducer(producer: PeerProducer): void {
    this.#producers.set(producer.id, producer);
    producer.observer.once('close', () => this.#producers.delete(producer.id));
  }

  producer(producerId: string): PeerProducer {
    const producer = this.#producers.get(producerId);
    if (!producer || producer.closed) throw new SfuError(SfuErrorCode.PRODUCER_NOT_FOUND, `no producer ${producerId} for this peer`);
    return producer;
  }

  addConsumer(consumer: PeerConsumer): void {
    this.#consumers.set(consumer.id, consumer);
    consumer.observer.once('close', () => this.#consumers.delete(consumer.id));
  }

  consumer(consumerId: string): PeerConsumer {
    const consumer = this.#consumers.get(consumerId);
    if (!consumer || consumer.closed) throw new SfuError(SfuErrorCode.CONSUMER_NOT_FOUND, `no consumer ${consumerId} for this peer`);
    return consumer;
  }

  /** Closes the peer's transports (hence its producers and consumers). Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const transport of this.#transports.values()) transport.close();
    this.#transports.clear();
  }
}
