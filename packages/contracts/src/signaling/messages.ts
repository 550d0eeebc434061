import { z } from 'zod';
import type { Ack } from '../protocol';
import type { MediaRole } from '../media-token';

/**
 * SFU signaling over socket.io (default namespace of the SFU).
 * Handshake `auth`: { protocolVersion, token } where token is a media token signed by the server.
 * Requests are emitted by the client with an acknowledgement callback receiving an Ack<T>.
 * mediasoup objects (RTP capabilities and parameters, DTLS and ICE parameters) are passed through as
 * opaque JSON objects here and validated by mediasoup itself; the SFU maps its errors to refusals.
 */
export const signalingHandshakeSchema = z.object({
  protocolVersion: z.number().int(),
  token: z.string().min(20).max(4000),
});
export type SignalingHandshake = z.infer<typeof signalingHandshakeSchema>;

const opaque = z.record(z.string(), z.unknown());
const id = z.string().min(1).max(100);

export const MEDIA_SOURCES = ['mic', 'camera', 'screen'] as const;
export type MediaSource = (typeof MEDIA_SOURCES)[number];

/** SRTP suites of a plain transport (mediasoup's names); browsers negotiate AEAD_AES_256_GCM over DTLS. */
export const SRTP_CRYPTO_SUITES = ['AEAD_AES_256_GCM', 'AEAD_AES_128_GCM', 'AES_CM_128_HMAC_SHA1_80', 'AES_CM_128_HMAC_SHA1_32'] as const;
export type SrtpCryptoSuite = (typeof SRTP_CRYPTO_SUITES)[number];
const srtpParameters = z.object({ cryptoSuite: z.enum(SRTP_CRYPTO_SUITES), keyBase64: z.string().min(16).max(200) }).strict();
export type SrtpParameters = z.infer<typeof srtpParameters>;

/** Every client-to-SFU request: name -> payload schema. */
export const signalingRequestSchemas = {
  getRouterRtpCapabilities: z.object({}).strict(),
  /** Enter the room once the device is loaded. The SFU then offers consumers for producers already there. */
  join: z.object({ rtpCapabilities: opaque }).strict(),
  createWebRtcTransport: z.object({ direction: z.enum(['send', 'recv']), forceTcp: z.boolean().optional() }).strict(),
  connectWebRtcTransport: z.object({ transportId: id, dtlsParameters: opaque }).strict(),
  restartIce: z.object({ transportId: id }).strict(),
  produce: z
    .object({
      transportId: id,
      kind: z.enum(['audio', 'video']),
      rtpParameters: opaque,
      source: z.enum(MEDIA_SOURCES),
    })
    .strict(),
  closeProducer: z.object({ producerId: id }).strict(),
  pauseProducer: z.object({ producerId: id }).strict(),
  resumeProducer: z.object({ producerId: id }).strict(),
  /** Ask the SFU which simulcast layer to forward (weak network: lower spatial layer). */
  setConsumerPreferredLayers: z
    .object({ consumerId: id, spatialLayer: z.number().int().min(0).max(3), temporalLayer: z.number().int().min(0).max(3).optional() })
    .strict(),
  /** Stop (or start again) receiving one consumer: audio-only mode pauses the remote video it receives. */
  pauseConsumer: z.object({ consumerId: id }).strict(),
  resumeConsumer: z.object({ consumerId: id }).strict(),
  leave: z.object({}).strict(),
  /**
   * Benchmark only (test/bench): a plain RTP transport with SRTP instead of ICE + DTLS, so a load generator
   * can send and receive real SRTP without a WebRTC stack. Refused as an unknown request unless the
   * socket's token has the bench audience (BENCH_TOKEN_AUDIENCE) and the SFU runs with
   * SFU_BENCH_PLAIN_TRANSPORTS=true. `send`: the SFU learns the sender's address from its first packet.
   */
  benchCreatePlainTransport: z.object({ direction: z.enum(['send', 'recv']), srtpCryptoSuite: z.enum(SRTP_CRYPTO_SUITES) }).strict(),
  /** Gives the SFU the generator's SRTP key, and for a `recv` transport the address to send to. */
  benchConnectPlainTransport: z
    .object({
      transportId: id,
      ip: z.ipv4().optional(),
      port: z.number().int().min(1).max(65535).optional(),
      srtpParameters,
    })
    .strict(),
} as const;

export type SignalingRequestName = keyof typeof signalingRequestSchemas;
export type SignalingRequest<N extends SignalingRequestName> = z.infer<(typeof signalingRequestSchemas)[N]>;

export interface PeerInfo {
  peerId: string;
  role: MediaRole;
  displayName: string;
}

export interface TransportOptions {
  id: string;
  iceParameters: Record<string, unknown>;
  iceCandidates: Record<string, unknown>[];
  dtlsParameters: Record<string, unknown>;
}

/** Response of each request. */
export interface SignalingResponses {
  getRouterRtpCapabilities: Record<string, unknown>;
  join: { peers: PeerInfo[] };
  createWebRtcTransport: TransportOptions;
  connectWebRtcTransport: Record<string, never>;
  restartIce: { iceParameters: Record<string, unknown> };
  produce: { producerId: string };
  closeProducer: Record<string, never>;
  pauseProducer: Record<string, never>;
  resumeProducer: Record<string, never>;
  setConsumerPreferredLayers: Record<string, never>;
  pauseConsumer: Record<string, never>;
  resumeConsumer: Record<string, never>;
  leave: Record<string, never>;
  /** The SFU's side of the transport: where to send (or what sends), and the SFU's SRTP key. */
  benchCreatePlainTransport: { id: string; ip: string; port: number; srtpParameters: SrtpParameters };
  benchConnectPlainTransport: Record<string, never>;
}

/**
 * `newConsumer`: the SFU offers a consumer, created paused. The client creates it locally and then
 * acknowledges; only then does the SFU resume it (so no key frame is lost before the client is ready).
 */
export interface NewConsumerOffer {
  consumerId: string;
  producerId: string;
  peerId: string;
  kind: 'audio' | 'video';
  source: MediaSource;
  rtpParameters: Record<string, unknown>;
  producerPaused: boolean;
}

/** Why a room was closed under the peers' feet. */
/** `consent-withdrawn`: this peer only (the patient withdrew their consent); the room goes on. */
export type RoomClosedReason = 'visit-ended' | 'worker-died' | 'replaced' | 'consent-withdrawn';

/** Events the SFU sends. */
export interface SignalingServerEvents {
  newConsumer: (offer: NewConsumerOffer, ack: (res: Ack<Record<string, never>>) => void) => void;
  peerJoined: (peer: PeerInfo) => void;
  peerLeft: (event: { peerId: string }) => void;
  consumerClosed: (event: { consumerId: string }) => void;
  consumerPaused: (event: { consumerId: string }) => void;
  consumerResumed: (event: { consumerId: string }) => void;
  /**
   * mediasoup's score (0 to 10) of what one of this peer's producers sends to the SFU (the worst of its
   * streams), on every change: the upstream half of the network quality indicator.
   */
  producerScore: (event: { producerId: string; score: number }) => void;
  /**
   * The score of what the SFU sends this peer on one consumer, and of the producer it forwards (the other
   * side's upstream), on every change: the downstream half of the indicator.
   */
  consumerScore: (event: { consumerId: string; score: number; producerScore: number }) => void;
  /** The room is gone: for `worker-died`, reconnect with the same token to get a fresh room. */
  roomClosed: (event: { reason: RoomClosedReason }) => void;
}

export type SignalingClientEvents = {
  [N in SignalingRequestName]: (payload: SignalingRequest<N>, ack: (res: Ack<SignalingResponses[N]>) => void) => void;
};
