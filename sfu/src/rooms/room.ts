import { parseScalabilityMode, type types } from 'mediasoup';
import type { MediaSource, NewConsumerOffer, PeerInfo, RoomClosedReason } from '@visite/contracts';
import { SfuError, SfuErrorCode } from '../errors/sfu-error';
import type { Logger } from '../logging/logger';
import type { WorkerSlot } from '../workers/worker-slot';
import { MEDIA_CODECS } from './media-codecs';
import type { MediaSampler } from './media-sampler';
import {
  MAX_PRODUCERS_PER_PEER,
  MAX_TRANSPORTS_PER_PEER,
  type ConsumerAppData,
  type Peer,
  type PeerPlainTransport,
  type PeerProducer,
  type PeerWebRtcTransport,
  type ProducerAppData,
  type TransportAppData,
  type TransportDirection,
} from './peer';

const INITIAL_OUTGOING_BITRATE = 1_000_000;

/**
 * `visit`: a consultation's room. `check`: a patient's pre-call network test (a check token's room): one
 * participant, whose every producer is consumed back by the same participant through this router
 * (loopback), so the test measures the real path browser -> SFU -> browser; never sampled into the media
 * ledger (it is no visit's media), and closed after CHECK_ROOM_MAX_DURATION_MS whatever happens.
 */
export type RoomKind = 'visit' | 'check';

/** A check runs for a few seconds; its room never outlives this. */
export const CHECK_ROOM_MAX_DURATION_MS = 120_000;

export interface RoomParams {
  id: string;
  kind?: RoomKind;
  slot: WorkerSlot;
  logger: Logger;
  /** Takes the last sample of producers the room closes. */
  sampler: MediaSampler;
  onClose: (room: Room) => void;
}

export interface ProduceParams {
  transportId: string;
  kind: types.MediaKind;
  rtpParameters: types.RtpParameters;
  source: MediaSource;
}

/**
 * One consultation's media: a router on one worker and the peers in it.
 * Rules: a peer is visible and consumable once joined; consumers are created paused and resumed
 * only after the client acknowledged the offer; the last peer out closes the room.
 * Media accounting: every producer is sampled into the media ledger just before the room closes it
 * (peer leaving or replaced, `closeProducer`, room closing), besides the SFU's periodic sampling.
 */
export class Room {
  readonly #id: string;
  readonly #kind: RoomKind;
  readonly #slot: WorkerSlot;
  readonly #router: types.Router;
  readonly #logger: Logger;
  readonly #sampler: MediaSampler;
  readonly #onClose: (room: Room) => void;
  readonly #peers = new Map<string, Peer>();
  #closed = false;
  #maxDurationTimer: NodeJS.Timeout | undefined;

  private constructor(params: RoomParams, router: types.Router) {
    this.#id = params.id;
    this.#kind = params.kind ?? 'visit';
    this.#slot = params.slot;
    this.#router = router;
    this.#logger = params.logger.child(`room:${params.id}`);
    this.#sampler = params.sampler;
    this.#onClose = params.onClose;
    router.on('workerclose', () => this.close('worker-died'));
    if (this.#kind === 'check') {
      this.#maxDurationTimer = setTimeout(() => this.close(), CHECK_ROOM_MAX_DURATION_MS);
      this.#maxDurationTimer.unref();
    }
  }

  static async create(params: RoomParams): Promise<Room> {
    const router = await params.slot.worker.createRouter({ mediaCodecs: MEDIA_CODECS, appData: { roomId: params.id } });
    return new Room(params, router);
  }

  get id(): string {
    return this.#id;
  }

  get closed(): boolean {
    return this.#closed;
  }

  get kind(): RoomKind {
    return this.#kind;
  }

  get router(): types.Router {
    return this.#router;
  }

  get worker(): types.Worker {
    return this.#slot.worker;
  }

  get peers(): readonly Peer[] {
    return [...this.#peers.values()];
  }

  get rtpCapabilities(): types.RtpCapabilities {
    return this.#router.rtpCapabilities;
  }

  #joinedPeers(except?: Peer): Peer[] {
    return this.peers.filter((peer) => peer.joined && peer !== except && !peer.closed);
  }

  #assertOpen(): void {
    if (this.#closed) throw new SfuError(SfuErrorCode.ROOM_CLOSED, 'the room is closed');
  }

  /** Adds a connected peer. A peer with the same id (a reconnection) is replaced: told, disconnected, closed. */
  addPeer(peer: Peer): void {
    this.#assertOpen();
    const previous = this.#peers.get(peer.id);
    if (this.#kind === 'check' && !previous && this.#peers.size > 0) {
      throw new SfuError(SfuErrorCode.LIMIT_REACHED, 'a check room holds one participant');
    }
    if (previous) {
      this.#logger.info('peer replaced by a new connection', { peerId: peer.id });
      this.#peers.delete(peer.id);
      previous.channel.notify('roomClosed', { reason: 'replaced' });
      previous.channel.disconnect();
      this.#closePeer(previous);
    }
    this.#peers.set(peer.id, peer);
  }

  /** Removes a peer (socket gone, or `leave`); the last one out closes the room. */
  removePeer(peer: Peer): void {
    if (this.#peers.get(peer.id) !== peer) {
      peer.close();
      return;
    }
    this.#peers.delete(peer.id);
    this.#closePeer(peer);
    if (this.#peers.size === 0) this.close();
  }

  /**
   * Puts one peer out (the server asked: the patient withdrew their consent): it is told why, its
   * socket is disconnected, its transports close (its media stops at once), the others see it leave.
   * False if it is not here.
   */
  expel(peerId: string, reason: RoomClosedReason): boolean {
    const peer = this.#peers.get(peerId);
    if (!peer) return false;
    this.#logger.info('peer put out by the server', { peerId, reason });
    peer.channel.notify('roomClosed', { reason });
    this.removePeer(peer);
    peer.channel.disconnect();
    return true;
  }

  #closePeer(peer: Peer): void {
    const wasJoined = peer.joined && !peer.closed;
    if (this.#kind === 'visit') void this.#sampler.samplePeer(this.#id, peer);
    peer.close();
    if (!wasJoined || this.#closed) return;
    for (const other of this.#joinedPeers(peer)) other.channel.notify('peerLeft', { peerId: peer.id });
  }

  /** Closes the room and its peers; `reason` is told to the peers still here. Idempotent. */
  close(reason?: RoomClosedReason): void {
    if (this.#closed) return;
    this.#closed = true;
    const peers = this.peers;
    this.#peers.clear();
    clearTimeout(this.#maxDurationTimer);
    this.#logger.info('room closed', { reason: reason ?? 'empty', peers: peers.length });
    if (this.#kind === 'visit') for (const peer of peers) void this.#sampler.samplePeer(this.#id, peer);
    for (const peer of peers) {
      if (reason) peer.channel.notify('roomClosed', { reason });
      peer.channel.disconnect();
      peer.close();
    }
    this.#router.close();
    this.#onClose(this);
  }

  /** Enters the room: returns the peers already joined, tells them, then offers their producers. */
  join(peer: Peer, rtpCapabilities: types.RtpCapabilities): PeerInfo[] {
    this.#assertPeer(peer);
    if (!Array.isArray(rtpCapabilities.codecs)) {
      throw new SfuError(SfuErrorCode.BAD_REQUEST, 'rtpCapabilities.codecs must be an array');
    }
    peer.markJoined(rtpCapabilities);
    const others = this.#joinedPeers(peer);
    for (const other of others) other.channel.notify('peerJoined', peer.info);
    for (const other of others) {
      for (const producer of other.producers) void this.#createConsumer(peer, other, producer);
    }
    return others.map((other) => other.info);
  }

  async createWebRtcTransport(peer: Peer, direction: TransportDirection, forceTcp = false): Promise<PeerWebRtcTransport> {
    this.#assertTransportRoom(peer);
    const transport = await this.#router.createWebRtcTransport<TransportAppData>({
      webRtcServer: this.#slot.webRtcServer,
      enableUdp: !forceTcp,
      enableTcp: true,
      preferUdp: !forceTcp,
      initialAvailableOutgoingBitrate: INITIAL_OUTGOING_BITRATE,
      appData: { peerId: peer.id, direction },
    });
    this.#addTransport(peer, transport);
    return transport;
  }

  /**
   * Benchmark only (the handler checks the bench token): a plain transport with SRTP, RTP and RTCP on one
   * port. A `send` transport learns the generator's address from its first packet (comedia).
   */
  async createPlainTransport(
    peer: Peer,
    direction: TransportDirection,
    listen: { ip: string; announcedAddress: string },
    srtpCryptoSuite: types.SrtpCryptoSuite,
  ): Promise<PeerPlainTransport> {
    this.#assertTransportRoom(peer);
    const transport = await this.#router.createPlainTransport<TransportAppData>({
      listenInfo: { protocol: 'udp', ip: listen.ip, announcedAddress: listen.announcedAddress },
      rtcpMux: true,
      comedia: direction === 'send',
      enableSrtp: true,
      srtpCryptoSuite,
      appData: { peerId: peer.id, direction },
    });
    this.#addTransport(peer, transport);
    return transport;
  }

  #assertTransportRoom(peer: Peer): void {
    this.#assertPeer(peer);
    if (peer.transports.length >= MAX_TRANSPORTS_PER_PEER) {
      throw new SfuError(SfuErrorCode.LIMIT_REACHED, `a peer may hold at most ${MAX_TRANSPORTS_PER_PEER} transports`);
    }
  }

  #addTransport(peer: Peer, transport: PeerWebRtcTransport | PeerPlainTransport): void {
    if (peer.closed) {
      transport.close();
      throw new SfuError(SfuErrorCode.ROOM_CLOSED, 'the peer left while its transport was being created');
    }
    peer.addTransport(transport);
  }

  async produce(peer: Peer, params: ProduceParams): Promise<PeerProducer> {
    this.#assertPeer(peer);
    if (!peer.joined) throw new SfuError(SfuErrorCode.NOT_JOINED, 'join the room before producing');
    const transport = peer.transport(params.transportId, 'send');
    if (peer.producers.length >= MAX_PRODUCERS_PER_PEER) {
      throw new SfuError(SfuErrorCode.LIMIT_REACHED, `a peer may hold at most ${MAX_PRODUCERS_PER_PEER} producers; close one first`);
    }
    assertCodecsMatchKind(params.rtpParameters, params.kind);
    const producer = await transport.produce<ProducerAppData>({
      kind: params.kind,
      rtpParameters: params.rtpParameters,
      appData: { peerId: peer.id, source: params.source },
    });
    if (peer.closed || this.#closed) {
      producer.close();
      throw new SfuError(SfuErrorCode.ROOM_CLOSED, 'the peer left while producing');
    }
    peer.addProducer(producer);
    // The upstream half of the client's quality indicator (a score of 0 to 10 per stream; the worst counts).
    producer.on('score', (scores) => {
      if (scores.length === 0) return;
      peer.channel.notify('producerScore', { producerId: producer.id, score: Math.min(...scores.map((s) => s.score)) });
    });
    if (this.#kind === 'check') void this.#createConsumer(peer, peer, producer);
    else for (const other of this.#joinedPeers(peer)) void this.#createConsumer(other, peer, producer);
    return producer;
  }

  /** Closes one of the peer's producers (its consumers get `consumerClosed`), after a last sample. */
  closeProducer(peer: Peer, producerId: string): void {
    const producer = peer.producer(producerId);
    if (this.#kind === 'visit') void this.#sampler.sampleProducer(this.#id, peer.role, producer);
    producer.close();
  }

  #assertPeer(peer: Peer): void {
    this.#assertOpen();
    if (peer.closed || this.#peers.get(peer.id) !== peer) throw new SfuError(SfuErrorCode.NOT_JOINED, 'this peer has left the room');
  }

  /**
   * Creates a paused consumer of `producer` for `consumerPeer`, offers it, and resumes it only when the
   * client acknowledges. Never throws: failures are logged and the consumer is dropped.
   */
  async #createConsumer(consumerPeer: Peer, producerPeer: Peer, producer: PeerProducer): Promise<void> {
    const rtpCapabilities = consumerPeer.rtpCapabilities;
    const transport = consumerPeer.recvTransport;
    if (!rtpCapabilities || !transport || producer.closed) return;
    if (!this.#router.canConsume({ producerId: producer.id, rtpCapabilities })) {
      this.#logger.debug('peer cannot consume producer', { peerId: consumerPeer.id, producerId: producer.id });
      return;
    }
    let consumer: types.Consumer<ConsumerAppData>;
    try {
      consumer = await transport.consume<ConsumerAppData>({
        producerId: producer.id,
        rtpCapabilities,
        paused: true,
        appData: { peerId: producerPeer.id, source: producer.appData.source },
      });
    } catch (err) {
      this.#logger.warn('creating a consumer failed', { peerId: consumerPeer.id, producerId: producer.id, error: err });
      return;
    }
    if (consumerPeer.closed) {
      consumer.close();
      return;
    }
    consumerPeer.addConsumer(consumer);
    const channel = consumerPeer.channel;
    const closed = (): void => channel.notify('consumerClosed', { consumerId: consumer.id });
    consumer.on('transportclose', closed);
    consumer.on('producerclose', closed);
    consumer.on('producerpause', () => channel.notify('consumerPaused', { consumerId: consumer.id }));
    consumer.on('producerresume', () => channel.notify('consumerResumed', { consumerId: consumer.id }));
    consumer.on('score', ({ score, producerScore }) => channel.notify('consumerScore', { consumerId: consumer.id, score, producerScore }));

    try {
      await preferHighestLayers(consumer);
      const offer: NewConsumerOffer = {
        consumerId: consumer.id,
        producerId: producer.id,
        peerId: producerPeer.id,
        kind: consumer.kind,
        source: producer.appData.source,
        rtpParameters: consumer.rtpParameters as unknown as Record<string, unknown>,
        producerPaused: consumer.producerPaused,
      };
      const accepted = await channel.offerConsumer(offer);
      if (consumer.closed) return;
      if (!accepted) {
        this.#logger.warn('consumer offer refused or unanswered; closing it', { peerId: consumerPeer.id, consumerId: consumer.id });
        consumer.close();
        closed();
        return;
      }
      await consumer.resume();
    } catch (err) {
      if (!consumer.closed) this.#logger.warn('consumer setup failed', { consumerId: consumer.id, error: err });
    }
  }
}

/** mediasoup does not check that the codecs fit the declared kind (a VP8 "audio" producer would be accepted). */
function assertCodecsMatchKind(rtpParameters: types.RtpParameters, kind: types.MediaKind): void {
  const codecs: unknown = rtpParameters.codecs;
  if (!Array.isArray(codecs)) return; // mediasoup refuses it with its own message
  for (const codec of codecs as { mimeType?: unknown }[]) {
    const mimeType = typeof codec === 'object' && codec !== null ? codec.mimeType : undefined;
    if (typeof mimeType === 'string' && !mimeType.toLowerCase().startsWith(`${kind}/`)) {
      throw new SfuError(SfuErrorCode.BAD_REQUEST, `codec ${mimeType} does not fit a producer of kind "${kind}"`);
    }
  }
}

/** Simulcast/SVC video: forward the highest spatial and temporal layers until the client asks otherwise. */
async function preferHighestLayers(consumer: types.Consumer): Promise<void> {
  if (consumer.kind !== 'video' || consumer.type === 'simple' || consumer.type === 'pipe') return;
  const { spatialLayers, temporalLayers } = parseScalabilityMode(consumer.rtpParameters.encodings?.[0]?.scalabilityMode);
  if (spatialLayers <= 1 && consumer.type === 'simulcast') return;
  await consumer.setPreferredLayers({ spatialLayer: spatialLayers - 1, temporalLayer: temporalLayers - 1 });
}
