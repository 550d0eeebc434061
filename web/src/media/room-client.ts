import { Device, type types as ms } from 'mediasoup-client';
import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  PROTOCOL_VERSION_MISMATCH,
  type Ack,
  type HandshakeRefusal,
  type MediaAccess,
  type MediaRole,
  type MediaSource,
  type NewConsumerOffer,
  type PeerInfo,
  type RoomClosedReason,
  type SignalingClientEvents,
  type SignalingRequest,
  type SignalingRequestName,
  type SignalingResponses,
  type SignalingServerEvents,
  type TransportOptions,
} from '@visite/contracts';
import { reconnectDelayMs } from './backoff';
import {
  AudioOnlyRule,
  bandwidthTooLow,
  EMPTY_FIGURES,
  figuresFrom,
  judgeQuality,
  sampleFromReports,
  type NetworkFigures,
  type NetworkQuality,
  type QualityReason,
  type StatsSample,
} from './network-quality';

/**
 * Framework-free media room client: one mediasoup-client Device and one signaling socket to the SFU.
 * It owns transports, producers and consumers; the local stream belongs to the caller (never stopped here).
 * React components only subscribe to its state.
 */

export type RoomConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'closed' | 'failed';

/** `auto`: the client switched to audio only because the bandwidth stayed too low; `manual`: the person chose it. */
export type AudioOnlyMode = 'off' | 'auto' | 'manual';

/** Why the room is closed. `left`: close() was called. */
export type RoomCloseReason = 'visit-ended' | 'replaced' | 'consent-withdrawn' | 'left';

export interface RemotePeer {
  peerId: string;
  role: MediaRole | null;
  displayName: string;
  /** Remote audio and video tracks; a new MediaStream whenever the set of tracks changes. */
  stream: MediaStream;
  hasAudio: boolean;
  hasVideo: boolean;
  /** The remote side muted its microphone / turned its camera off. */
  audioPaused: boolean;
  videoPaused: boolean;
}

export interface RoomState {
  connection: RoomConnectionState;
  closeReason: RoomCloseReason | null;
  /** Last error worth showing (why we are reconnecting or failed), as the error said it. */
  error: string | null;
  /** Its code when it has one (the `errors` catalogue's key: what the screen shows). */
  errorCode: string | null;
  peers: RemotePeer[];
  micEnabled: boolean;
  cameraEnabled: boolean;
  hasCamera: boolean;
  /** How many reconnection attempts in a row so far. */
  reconnectAttempt: number;
  /** The network quality indicator (see network-quality.ts) and the figures it comes from. */
  quality: NetworkQuality;
  qualityReason: QualityReason | null;
  figures: NetworkFigures;
  /** An ICE restart is under way (the media path broke while signaling stayed up). */
  mediaRecovering: boolean;
  /** ICE restarts asked for since the room was created. */
  iceRestarts: number;
  /** Media or connection has been broken for HELP_AFTER_MS: time to tell the person what to do. */
  needsHelp: boolean;
  /** Audio only: our camera is not sent and the remote video is not received. */
  audioOnly: AudioOnlyMode;
}

export interface RoomClientOptions {
  /** Fetches a fresh media access (short-lived token): called for every (re)connection. */
  getAccess: () => Promise<MediaAccess>;
  localStream: MediaStream;
  /** Use VP8 simulcast for the camera when the router supports VP8 (default true). */
  simulcast?: boolean;
  /** Errors of getAccess after which retrying is pointless (e.g. the visit has ended). Default: 4xx HTTP errors. */
  isFatalAccessError?: (error: unknown) => boolean;
  /** How often the quality indicator samples getStats() (default 1 s). */
  statsIntervalMs?: number;
}

type Listener = (state: RoomState) => void;

type SfuSocket = Socket<SignalingServerEvents, SignalingClientEvents>;

interface ConsumerEntry {
  consumer: ms.Consumer;
  peerId: string;
  source: MediaSource;
  /** Paused by its sender (mic muted, camera off). */
  paused: boolean;
  /** Paused by us (audio only). */
  pausedLocally: boolean;
}

/** Everything belonging to one connection to the SFU; torn down as a whole on reconnection. */
interface Session {
  id: number;
  socket: SfuSocket;
  device: Device | null;
  sendTransport: ms.Transport | null;
  recvTransport: ms.Transport | null;
  producers: Map<MediaSource, ms.Producer>;
  consumers: Map<string, ConsumerEntry>;
  disconnectTimers: Set<ReturnType<typeof setTimeout>>;
  /** ICE restarts in a row per transport id (reset when it is connected again). */
  iceAttempts: Map<string, number>;
  /** Latest mediasoup scores: of our producers at the SFU, of our consumers (and their producers). */
  producerScores: Map<string, number>;
  consumerScores: Map<string, { score: number; producerScore: number }>;
}

class FatalRoomError extends Error {
  override readonly name = 'FatalRoomError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

class SignalingError extends Error {
  override readonly name = 'SignalingError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const REQUEST_TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_MS = 10_000;
/** How long a transport may stay 'disconnected' (ICE often recovers alone) before an ICE restart. */
const DISCONNECTED_GRACE_MS = 2_000;
/** How long one ICE restart may take to bring the transport back before the next one. */
const ICE_RESTART_TIMEOUT_MS = 8_000;
/** ICE restarts in a row on one transport before a full reconnection (new socket and transports). */
const MAX_ICE_RESTARTS = 3;
/** Broken for this long (reconnecting, or media stopped): show the person what to do, keep trying. */
export const HELP_AFTER_MS = 30_000;

const SIMULCAST_ENCODINGS: RTCRtpEncodingParameters[] = [
  { rid: 'r0', scaleResolutionDownBy: 4, maxBitrate: 150_000 },
  { rid: 'r1', scaleResolutionDownBy: 2, maxBitrate: 500_000 },
  { rid: 'r2', scaleResolutionDownBy: 1, maxBitrate: 1_200_000 },
];

function defaultIsFatalAccessError(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 429;
}

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code ? code : null;
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Unknown error';
}

export class RoomClient {
  private readonly getAccess: () => Promise<MediaAccess>;
  private readonly localStream: MediaStream;
  private readonly simulcast: boolean;
  private readonly isFatalAccessError: (error: unknown) => boolean;
  private readonly statsIntervalMs: number;
  private statsTimer: ReturnType<typeof setInterval> | null = null;
  private lastSample: StatsSample | null = null;
  private readonly audioOnlyRule = new AudioOnlyRule();
  private troubleTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<Listener>();
  private state: RoomState;
  private session: Session | null = null;
  private sessionCounter = 0;
  private started = false;
  private closed = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  /** Peers by id, with their live tracks (the state holds immutable copies). */
  private readonly peers = new Map<string, { info: RemotePeer; tracks: Map<string, MediaStreamTrack> }>();

  constructor({ getAccess, localStream, simulcast = true, isFatalAccessError = defaultIsFatalAccessError, statsIntervalMs = 1000 }: RoomClientOptions) {
    this.getAccess = getAccess;
    this.statsIntervalMs = statsIntervalMs;
    this.localStream = localStream;
    this.simulcast = simulcast;
    this.isFatalAccessError = isFatalAccessError;
    const hasCamera = localStream.getVideoTracks().length > 0;
    this.state = {
      connection: 'connecting',
      closeReason: null,
      error: null,
      errorCode: null,
      peers: [],
      micEnabled: localStream.getAudioTracks().some((t) => t.enabled),
      cameraEnabled: hasCamera && localStream.getVideoTracks().some((t) => t.enabled),
      hasCamera,
      reconnectAttempt: 0,
      quality: 'unknown',
      qualityReason: null,
      figures: EMPTY_FIGURES,
      mediaRecovering: false,
      iceRestarts: 0,
      needsHelp: false,
      audioOnly: 'off',
    };
  }

  // ---- public API -------------------------------------------------------------------------------

  getState(): RoomState {
    return this.state;
  }

  /** Calls `listener` on every state change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Connects and enters the room. Failures are reported in the state (and retried) rather than thrown. */
  async join(): Promise<void> {
    if (this.started || this.closed) return;
    this.started = true;
    this.setState({ connection: 'connecting' });
    await this.connect();
  }

  /** Retries now after a 'failed' state. */
  retry(): void {
    if (this.closed) return;
    this.attempt = 0;
    this.clearReconnectTimer();
    this.setState({ connection: 'connecting', error: null, errorCode: null, reconnectAttempt: 0 });
    void this.connect();
  }

  setMicEnabled(enabled: boolean): void {
    this.localStream.getAudioTracks().forEach((t) => (t.enabled = enabled));
    this.setProducerPaused('mic', !enabled);
    this.setState({ micEnabled: enabled });
  }

  setCameraEnabled(enabled: boolean): void {
    if (!this.state.hasCamera) return;
    this.localStream.getVideoTracks().forEach((t) => (t.enabled = enabled));
    this.setState({ cameraEnabled: enabled });
    this.setProducerPaused('camera', !this.sendsVideo());
  }

  /**
   * Audio only (by hand, or `auto` when the bandwidth stayed too low): our camera is no longer sent and
   * the SFU stops forwarding the remote video. `setAudioOnly(false)` is "try video again".
   */
  setAudioOnly(on: boolean, mode: 'manual' | 'auto' = 'manual'): void {
    const next: AudioOnlyMode = on ? mode : 'off';
    if (next === this.state.audioOnly) return;
    this.audioOnlyRule.reset();
    this.setState({ audioOnly: next });
    this.setProducerPaused('camera', !this.sendsVideo());
    const session = this.session;
    if (!session) return;
    for (const entry of session.consumers.values()) {
      if (entry.consumer.kind === 'video') this.setConsumerPausedLocally(session, entry, on);
    }
  }

  /** Asks the SFU for a lower (or higher) simulcast layer of a remote peer's video. */
  setPreferredVideoLayer(peerId: string, spatialLayer: number): void {
    const session = this.session;
    if (!session) return;
    for (const entry of session.consumers.values()) {
      if (entry.peerId === peerId && entry.consumer.kind === 'video') {
        void this.request(session, 'setConsumerPreferredLayers', { consumerId: entry.consumer.id, spatialLayer }).catch(() => undefined);
      }
    }
  }

  /** Leaves the room for good. Does not stop the local tracks (they belong to the caller). */
  close(reason: RoomCloseReason = 'left'): void {
    if (this.closed) return;
    this.closed = true;
    this.clearReconnectTimer();
    this.stopStats();
    if (this.troubleTimer) clearTimeout(this.troubleTimer);
    this.troubleTimer = null;
    const session = this.session;
    if (session && session.socket.connected && reason === 'left') {
      // Best effort: tell the SFU, then drop the socket shortly after.
      session.socket.timeout(1000).emit('leave', {}, () => undefined);
    }
    this.teardown();
    this.clearPeers();
    this.setState({ connection: 'closed', closeReason: reason });
    this.listeners.clear();
  }

  // ---- connection lifecycle --------------------------------------------------------------------

  private async connect(): Promise<void> {
    this.teardown();
    const id = ++this.sessionCounter;
    try {
      const access = await this.getAccess();
      if (this.isStale(id)) return;
      await this.connectSession(id, access);
      if (this.isStale(id)) return;
      this.attempt = 0;
      this.setState({ connection: 'connected', error: null, errorCode: null, reconnectAttempt: 0 });
      this.startStats();
      this.updateTrouble();
    } catch (error) {
      if (this.isStale(id)) return;
      if (error instanceof FatalRoomError || this.isFatalAccessError(error)) {
        this.teardown();
        this.setState({ connection: 'failed', error: messageOf(error), errorCode: codeOf(error) });
        return;
      }
      console.warn('[room] connection attempt failed', error);
      this.scheduleReconnect(messageOf(error));
    }
  }

  private isStale(sessionId: number): boolean {
    return this.closed || sessionId !== this.sessionCounter;
  }

  /** Drops the current session and tries again after a backoff. */
  private scheduleReconnect(reason: string, immediate = false): void {
    if (this.closed || this.reconnectTimer) return;
    this.sessionCounter += 1; // whatever attempt is in flight is now stale
    this.teardown();
    this.clearPeers();
    const delay = immediate && this.attempt === 0 ? 0 : reconnectDelayMs(this.attempt);
    this.attempt += 1;
    this.setState({ connection: 'reconnecting', error: reason, errorCode: null, reconnectAttempt: this.attempt, mediaRecovering: false, quality: 'poor', qualityReason: 'media-stopped' });
    this.updateTrouble();
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, delay);
  }

  private clearReconnectTimer(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
  }

  private async connectSession(id: number, access: MediaAccess): Promise<void> {
    const socket: SfuSocket = io(access.sfuUrl, {
      auth: { protocolVersion: PROTOCOL_VERSION, token: access.token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: CONNECT_TIMEOUT_MS,
    });
    const session: Session = {
      id,
      socket,
      device: null,
      sendTransport: null,
      recvTransport: null,
      producers: new Map(),
      consumers: new Map(),
      disconnectTimers: new Set(),
      iceAttempts: new Map(),
      producerScores: new Map(),
      consumerScores: new Map(),
    };
    this.session = session;

    await waitForConnect(socket);
    if (this.isStale(id)) return;
    this.attachSocketHandlers(session);

    const routerRtpCapabilities = (await this.request(session, 'getRouterRtpCapabilities', {})) as unknown as ms.RtpCapabilities;
    let device: Device;
    try {
      device = await Device.factory();
    } catch (error) {
      throw new FatalRoomError('UNSUPPORTED_BROWSER', `This browser cannot join video calls (${messageOf(error)}). Please use an up-to-date Chrome, Safari, Firefox or Edge.`);
    }
    await device.load({ routerRtpCapabilities });
    session.device = device;
    if (this.isStale(id)) return;

    const iceServers = access.iceServers as RTCIceServer[];
    const sendOptions = await this.request(session, 'createWebRtcTransport', { direction: 'send' });
    const recvOptions = await this.request(session, 'createWebRtcTransport', { direction: 'recv' });
    if (this.isStale(id)) return;
    const policy = access.iceTransportPolicy === 'relay' ? 'relay' : 'all';
    session.sendTransport = device.createSendTransport(toTransportOptions(sendOptions, iceServers, policy));
    session.recvTransport = device.createRecvTransport(toTransportOptions(recvOptions, iceServers, policy));
    this.attachTransportHandlers(session, session.sendTransport);
    this.attachTransportHandlers(session, session.recvTransport);

    const { peers } = await this.request(session, 'join', { rtpCapabilities: device.rtpCapabilities as unknown as Record<string, unknown> });
    if (this.isStale(id)) return;
    for (const peer of peers) this.upsertPeer(peer);
    this.emitPeers();

    await this.produceLocalTracks(session);
  }

  private async produceLocalTracks(session: Session): Promise<void> {
    const transport = session.sendTransport;
    const device = session.device;
    if (!transport || !device) return;

    const audioTrack = this.localStream.getAudioTracks().find((t) => t.readyState === 'live');
    if (audioTrack && device.canProduce('audio')) {
      const producer = await transport.produce({
        track: audioTrack,
        stopTracks: false,
        codecOptions: { opusStereo: false, opusDtx: true, opusFec: true },
        appData: { source: 'mic' },
      });
      if (this.isStale(session.id)) return;
      session.producers.set('mic', producer);
      if (!this.state.micEnabled) this.setProducerPaused('mic', true);
    }

    const videoTrack = this.localStream.getVideoTracks().find((t) => t.readyState === 'live');
    if (videoTrack && device.canProduce('video')) {
      const producer = await this.produceVideo(transport, device, videoTrack);
      if (this.isStale(session.id)) return;
      session.producers.set('camera', producer);
      if (!this.sendsVideo()) this.setProducerPaused('camera', true);
    }
  }

  private async produceVideo(transport: ms.Transport, device: Device, track: MediaStreamTrack): Promise<ms.Producer> {
    const base = { track, stopTracks: false, appData: { source: 'camera' as MediaSource } };
    const vp8 = device.rtpCapabilities.codecs?.find((c) => c.mimeType.toLowerCase() === 'video/vp8');
    if (this.simulcast && vp8) {
      try {
        return await transport.produce({
          ...base,
          codec: vp8,
          encodings: SIMULCAST_ENCODINGS.map((e) => ({ ...e })),
          codecOptions: { videoGoogleStartBitrate: 1000 },
        });
      } catch (error) {
        if (transport.closed) throw error;
        console.warn('[room] simulcast produce failed, falling back to a single encoding', error);
      }
    }
    return transport.produce(base);
  }

  private attachSocketHandlers(session: Session): void {
    const { socket } = session;

    socket.on('disconnect', (reason) => {
      if (this.isStale(session.id)) return;
      if (reason === 'io client disconnect') return;
      this.scheduleReconnect('Connection to the media server lost.');
    });

    socket.on('newConsumer', (offer, ack) => {
      void this.handleNewConsumer(session, offer, ack);
    });

    socket.on('peerJoined', (peer) => {
      if (this.isStale(session.id)) return;
      this.upsertPeer(peer);
      this.emitPeers();
    });

    socket.on('peerLeft', ({ peerId }) => {
      if (this.isStale(session.id)) return;
      for (const [consumerId, entry] of session.consumers) {
        if (entry.peerId === peerId) {
          entry.consumer.close();
          session.consumers.delete(consumerId);
        }
      }
      this.peers.delete(peerId);
      this.emitPeers();
    });

    socket.on('consumerClosed', ({ consumerId }) => {
      if (this.isStale(session.id)) return;
      const entry = session.consumers.get(consumerId);
      if (!entry) return;
      entry.consumer.close();
      session.consumers.delete(consumerId);
      this.removeTrack(entry.peerId, entry.consumer.track);
      this.refreshPeer(session, entry.peerId);
    });

    socket.on('producerScore', ({ producerId, score }) => {
      if (!this.isStale(session.id)) session.producerScores.set(producerId, score);
    });
    socket.on('consumerScore', ({ consumerId, score, producerScore }) => {
      if (!this.isStale(session.id)) session.consumerScores.set(consumerId, { score, producerScore });
    });

    socket.on('consumerPaused', ({ consumerId }) => this.onConsumerPausedChange(session, consumerId, true));
    socket.on('consumerResumed', ({ consumerId }) => this.onConsumerPausedChange(session, consumerId, false));

    socket.on('roomClosed', ({ reason }: { reason: RoomClosedReason }) => {
      if (this.isStale(session.id)) return;
      if (reason === 'worker-died') this.scheduleReconnect('The media server restarted. Reconnecting…', true);
      else this.close(reason);
    });
  }

  private attachTransportHandlers(session: Session, transport: ms.Transport): void {
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      this.request(session, 'connectWebRtcTransport', { transportId: transport.id, dtlsParameters: dtlsParameters as unknown as Record<string, unknown> })
        .then(() => callback())
        .catch((error: Error) => errback(error));
    });

    if (transport.direction === 'send') {
      transport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
        const source = (appData.source as MediaSource | undefined) ?? (kind === 'audio' ? 'mic' : 'camera');
        this.request(session, 'produce', {
          transportId: transport.id,
          kind,
          rtpParameters: rtpParameters as unknown as Record<string, unknown>,
          source,
        })
          .then(({ producerId }) => callback({ id: producerId }))
          .catch((error: Error) => errback(error));
      });
    }

    // The media path broke while signaling may be up: ICE restart first (same transports, same page),
    // a few times; only then a full reconnection. A lost socket reconnects fully on its own (see above).
    let timer: ReturnType<typeof setTimeout> | null = null;
    const clearTimer = () => {
      if (timer) {
        clearTimeout(timer);
        session.disconnectTimers.delete(timer);
        timer = null;
      }
    };
    const later = (ms: number, fn: () => void) => {
      clearTimer();
      timer = setTimeout(() => {
        timer = null;
        if (!this.isStale(session.id)) fn();
      }, ms);
      session.disconnectTimers.add(timer);
    };
    const restart = () => {
      const attempts = session.iceAttempts.get(transport.id) ?? 0;
      if (attempts >= MAX_ICE_RESTARTS) {
        this.scheduleReconnect('The network connection could not be restored.');
        return;
      }
      session.iceAttempts.set(transport.id, attempts + 1);
      void this.restartIce(session, transport);
      // Not back in time: the next restart (or, after the last one, the full reconnection).
      later(ICE_RESTART_TIMEOUT_MS, restart);
    };
    transport.on('connectionstatechange', (connectionState) => {
      if (this.isStale(session.id)) return;
      if (connectionState === 'failed') {
        if (!timer || (session.iceAttempts.get(transport.id) ?? 0) === 0) restart();
      } else if (connectionState === 'disconnected') {
        if (!timer) later(DISCONNECTED_GRACE_MS, restart);
      } else if (connectionState === 'connected') {
        clearTimer();
        session.iceAttempts.delete(transport.id);
        if (session.iceAttempts.size === 0 && this.state.mediaRecovering) {
          this.setState({ mediaRecovering: false });
          this.updateTrouble();
        }
      }
    });
  }

  /** Asks the SFU for new ICE parameters of this transport and restarts ICE on the browser's side. */
  private async restartIce(session: Session, transport: ms.Transport): Promise<void> {
    this.setState({ mediaRecovering: true, iceRestarts: this.state.iceRestarts + 1 });
    this.updateTrouble();
    try {
      const { iceParameters } = await this.request(session, 'restartIce', { transportId: transport.id });
      if (this.isStale(session.id) || transport.closed) return;
      await transport.restartIce({ iceParameters: iceParameters as unknown as ms.IceParameters });
    } catch (error) {
      // Signaling down too: the socket's own disconnect does the full reconnection; else the timer retries.
      if (!this.isStale(session.id)) console.warn('[room] ICE restart failed', error);
    }
  }

  private async handleNewConsumer(session: Session, offer: NewConsumerOffer, ack: (res: Ack<Record<string, never>>) => void): Promise<void> {
    try {
      const transport = session.recvTransport;
      if (this.isStale(session.id) || !transport) throw new Error('Not ready to receive media');
      const consumer = await transport.consume({
        id: offer.consumerId,
        producerId: offer.producerId,
        kind: offer.kind,
        rtpParameters: offer.rtpParameters as unknown as ms.RtpParameters,
        appData: { peerId: offer.peerId, source: offer.source },
      });
      if (this.isStale(session.id)) {
        consumer.close();
        throw new Error('Session replaced');
      }
      const entry: ConsumerEntry = { consumer, peerId: offer.peerId, source: offer.source, paused: offer.producerPaused, pausedLocally: false };
      session.consumers.set(consumer.id, entry);
      consumer.on('trackended', () => {
        session.consumers.delete(consumer.id);
        this.removeTrack(offer.peerId, consumer.track);
        this.refreshPeer(session, offer.peerId);
      });
      if (!this.peers.has(offer.peerId)) this.upsertPeer({ peerId: offer.peerId, role: null, displayName: '' });
      this.peers.get(offer.peerId)!.tracks.set(consumer.id, consumer.track);
      this.refreshPeer(session, offer.peerId);
      ack({ ok: true, data: {} });
      // Audio only: the SFU resumes the consumer once acknowledged; pause the video right after.
      if (consumer.kind === 'video' && this.state.audioOnly !== 'off') this.setConsumerPausedLocally(session, entry, true);
    } catch (error) {
      console.warn('[room] could not consume', error);
      ack({ ok: false, error: { code: 'CONSUME_FAILED', message: messageOf(error) } });
    }
  }

  private onConsumerPausedChange(session: Session, consumerId: string, paused: boolean): void {
    if (this.isStale(session.id)) return;
    const entry = session.consumers.get(consumerId);
    if (!entry) return;
    entry.paused = paused;
    this.refreshPeer(session, entry.peerId);
  }

  /** The camera goes out only when the person wants it on and we are not in audio only. */
  private sendsVideo(): boolean {
    return this.state.cameraEnabled && this.state.audioOnly === 'off';
  }

  private setConsumerPausedLocally(session: Session, entry: ConsumerEntry, paused: boolean): void {
    if (entry.pausedLocally === paused || entry.consumer.closed) return;
    entry.pausedLocally = paused;
    if (paused) entry.consumer.pause();
    else entry.consumer.resume();
    const request = paused ? 'pauseConsumer' : 'resumeConsumer';
    void this.request(session, request, { consumerId: entry.consumer.id }).catch((error) => console.warn(`[room] ${request} failed`, error));
  }

  private setProducerPaused(source: MediaSource, paused: boolean): void {
    const session = this.session;
    const producer = session?.producers.get(source);
    if (!session || !producer || producer.closed) return;
    if (paused) producer.pause();
    else producer.resume();
    const request = paused ? 'pauseProducer' : 'resumeProducer';
    void this.request(session, request, { producerId: producer.id }).catch((error) => console.warn(`[room] ${request} failed`, error));
  }

  /** Closes the current session's socket, transports, producers and consumers. */
  private teardown(): void {
    const session = this.session;
    this.session = null;
    this.stopStats();
    if (!session) return;
    session.disconnectTimers.forEach((t) => clearTimeout(t));
    session.disconnectTimers.clear();
    // Closing the transports closes their producers and consumers; local tracks survive (stopTracks: false).
    session.sendTransport?.close();
    session.recvTransport?.close();
    session.consumers.clear();
    session.producers.clear();
    session.socket.removeAllListeners();
    session.socket.disconnect();
  }

  // ---- network quality, audio-only rule, long trouble -----------------------------------------

  private startStats(): void {
    this.stopStats();
    this.lastSample = null;
    this.statsTimer = setInterval(() => void this.sampleStats(), this.statsIntervalMs);
  }

  private stopStats(): void {
    if (this.statsTimer) clearInterval(this.statsTimer);
    this.statsTimer = null;
  }

  private async sampleStats(): Promise<void> {
    const session = this.session;
    if (!session || this.state.connection !== 'connected') return;
    const [recv, send] = await Promise.all([statsOf(session.recvTransport), statsOf(session.sendTransport)]);
    if (this.isStale(session.id) || this.session !== session) return;
    const sample = sampleFromReports(recv, send, Date.now());
    const live = [...session.consumers.values()].filter((e) => !e.paused && !e.pausedLocally && !e.consumer.closed);
    const liveProducerIds = new Set([...session.producers.values()].filter((p) => !p.closed && !p.paused).map((p) => p.id));
    const sendScores = [...session.producerScores].filter(([id]) => liveProducerIds.has(id)).map(([, score]) => score);
    const recvScores = live.map((e) => session.consumerScores.get(e.consumer.id)).filter((s) => s !== undefined);
    const figures = figuresFrom(
      this.lastSample,
      sample,
      {
        send: sendScores.length ? Math.min(...sendScores) : null,
        recv: recvScores.length ? Math.min(...recvScores.map((s) => s.score)) : null,
        remoteSend: recvScores.length ? Math.min(...recvScores.map((s) => s.producerScore)) : null,
      },
      live.length > 0,
      this.state.figures.stalledMs,
    );
    this.lastSample = sample;
    const { quality, reason } = judgeQuality(figures);
    this.setState({ figures, quality, qualityReason: reason });
    this.updateTrouble();
    const sendingVideo = [...session.producers.values()].some((p) => p.kind === 'video' && !p.closed && !p.paused);
    if (this.state.audioOnly === 'off' && sendingVideo && !this.state.mediaRecovering) {
      if (this.audioOnlyRule.observe(bandwidthTooLow(figures), sample.at)) {
        console.info('[room] bandwidth stayed too low: switching to audio only', figures);
        this.setAudioOnly(true, 'auto');
      }
    } else {
      this.audioOnlyRule.reset();
    }
  }

  /** Starts (or stops) the HELP_AFTER_MS timer after which the person is told what to do. */
  private updateTrouble(): void {
    const s = this.state;
    const inTrouble = !this.closed && (s.connection === 'reconnecting' || s.mediaRecovering || s.qualityReason === 'media-stopped');
    if (!inTrouble) {
      if (this.troubleTimer) clearTimeout(this.troubleTimer);
      this.troubleTimer = null;
      if (s.needsHelp) this.setState({ needsHelp: false });
      return;
    }
    if (this.troubleTimer || s.needsHelp) return;
    this.troubleTimer = setTimeout(() => {
      this.troubleTimer = null;
      if (!this.closed) this.setState({ needsHelp: true });
    }, HELP_AFTER_MS);
  }

  // ---- signaling --------------------------------------------------------------------------------

  private request<N extends SignalingRequestName>(session: Session, name: N, payload: SignalingRequest<N>): Promise<SignalingResponses[N]> {
    return new Promise((resolve, reject) => {
      const socket = session.socket as unknown as Socket;
      if (!socket.connected) {
        reject(new SignalingError('NOT_CONNECTED', 'Not connected to the media server.'));
        return;
      }
      socket.timeout(REQUEST_TIMEOUT_MS).emit(name, payload, (err: Error | null, res: Ack<SignalingResponses[N]>) => {
        if (err) reject(new SignalingError('TIMEOUT', `The media server did not answer (${name}).`));
        else if (!res || typeof res !== 'object') reject(new SignalingError('BAD_RESPONSE', `Unexpected answer to ${name}.`));
        else if (res.ok) resolve(res.data);
        else reject(new SignalingError(res.error.code, res.error.message));
      });
    });
  }

  // ---- peers and state --------------------------------------------------------------------------

  private upsertPeer(peer: PeerInfo | { peerId: string; role: null; displayName: string }): void {
    const existing = this.peers.get(peer.peerId);
    if (existing) {
      existing.info = { ...existing.info, role: peer.role ?? existing.info.role, displayName: peer.displayName || existing.info.displayName };
      return;
    }
    this.peers.set(peer.peerId, {
      info: {
        peerId: peer.peerId,
        role: peer.role,
        displayName: peer.displayName,
        stream: new MediaStream(),
        hasAudio: false,
        hasVideo: false,
        audioPaused: false,
        videoPaused: false,
      },
      tracks: new Map(),
    });
  }

  private removeTrack(peerId: string, track: MediaStreamTrack): void {
    const peer = this.peers.get(peerId);
    if (!peer) return;
    for (const [key, t] of peer.tracks) if (t === track) peer.tracks.delete(key);
  }

  /** Recomputes a peer's stream and flags from its consumers, then publishes. */
  private refreshPeer(session: Session, peerId: string): void {
    const peer = this.peers.get(peerId);
    if (!peer) return;
    const tracks = [...peer.tracks.values()];
    const previous = peer.info.stream.getTracks();
    const sameTracks = previous.length === tracks.length && tracks.every((t) => previous.includes(t));
    const entries = [...session.consumers.values()].filter((e) => e.peerId === peerId);
    peer.info = {
      ...peer.info,
      stream: sameTracks ? peer.info.stream : new MediaStream(tracks),
      hasAudio: tracks.some((t) => t.kind === 'audio'),
      hasVideo: tracks.some((t) => t.kind === 'video'),
      audioPaused: entries.some((e) => e.consumer.kind === 'audio' && e.paused),
      videoPaused: entries.some((e) => e.consumer.kind === 'video' && e.paused),
    };
    this.emitPeers();
  }

  private clearPeers(): void {
    if (this.peers.size === 0) return;
    this.peers.clear();
    this.emitPeers();
  }

  private emitPeers(): void {
    this.setState({ peers: [...this.peers.values()].map((p) => p.info) });
  }

  private setState(patch: Partial<RoomState>): void {
    if (this.state.connection === 'closed' && patch.connection !== 'closed') return;
    this.state = { ...this.state, ...patch };
    for (const listener of [...this.listeners]) listener(this.state);
  }
}

function toTransportOptions(options: TransportOptions, iceServers: RTCIceServer[], iceTransportPolicy: RTCIceTransportPolicy): ms.TransportOptions {
  return {
    id: options.id,
    iceParameters: options.iceParameters as unknown as ms.IceParameters,
    iceCandidates: options.iceCandidates as unknown as ms.IceCandidate[],
    dtlsParameters: options.dtlsParameters as unknown as ms.DtlsParameters,
    iceServers: iceServers.length > 0 ? iceServers : undefined,
    iceTransportPolicy,
  };
}

async function statsOf(transport: ms.Transport | null): Promise<RTCStatsReport | null> {
  if (!transport || transport.closed) return null;
  try {
    return await transport.getStats();
  } catch {
    return null;
  }
}

function waitForConnect(socket: SfuSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    const onConnect = () => {
      cleanup();
      resolve();
    };
    const onError = (error: Error & { data?: Partial<HandshakeRefusal> }) => {
      cleanup();
      const data = error.data;
      if (data && typeof data.code === 'string') {
        const message = data.message ?? 'The media server refused the connection.';
        reject(data.code === PROTOCOL_VERSION_MISMATCH ? new FatalRoomError(data.code, message) : new SignalingError(data.code, message));
      } else {
        reject(new SignalingError('CONNECT_FAILED', 'Cannot reach the media server.'));
      }
    };
    const cleanup = () => {
      socket.off('connect', onConnect);
      socket.off('connect_error', onError);
    };
    socket.on('connect', onConnect);
    socket.on('connect_error', onError);
  });
}
