import { Device, type types as ms } from 'mediasoup-client';
import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type Ack,
  type HandshakeRefusal,
  type MediaAccess,
  type NetworkFailure,
  type NetworkFigures,
  type NewConsumerOffer,
  type SignalingClientEvents,
  type SignalingRequest,
  type SignalingRequestName,
  type SignalingResponses,
  type SignalingServerEvents,
  type TransportOptions,
} from '@visite/contracts';
import { figuresBetween, readTransportStats, type TransportSample } from './network-figures';

/**
 * The network test of the pre-call check, through the real media path: with a check token (a check room
 * of the SFU, one participant), it connects like the room client does, produces the local audio and
 * video, consumes them back (the SFU loops a check participant's media to itself), measures for a few
 * seconds with getStats() and leaves. Framework-free; the local tracks are never stopped here.
 */

export interface NetworkCheckOptions {
  getAccess: () => Promise<MediaAccess>;
  stream: MediaStream;
  /** How long media is measured once it flows both ways. */
  measureMs?: number;
  /** How long to wait for the connection and for media to come back. */
  connectTimeoutMs?: number;
  onPhase?: (phase: NetworkCheckPhase) => void;
}

export type NetworkCheckPhase = 'connecting' | 'measuring' | 'done';

type SfuSocket = Socket<SignalingServerEvents, SignalingClientEvents>;

const REQUEST_TIMEOUT_MS = 8_000;

class CheckFailure extends Error {
  constructor(readonly failure: NetworkFailure) {
    super(failure);
  }
}

const notConnected = (failure: NetworkFailure, durationMs: number): NetworkFigures => ({
  connected: false,
  failure,
  rttMs: null,
  sendKbps: null,
  receiveKbps: null,
  videoReceiveKbps: null,
  lossPct: null,
  audioReceived: false,
  videoSent: false,
  videoReceived: false,
  durationMs,
});

/** Runs the test; never throws: a failure is in the figures (`connected: false`, `failure`). */
export async function runNetworkCheck({ getAccess, stream, measureMs = 4000, connectTimeoutMs = 20_000, onPhase }: NetworkCheckOptions): Promise<NetworkFigures> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let socket: SfuSocket | null = null;
  let send: ms.Transport | null = null;
  let recv: ms.Transport | null = null;
  let connected = false;
  try {
    onPhase?.('connecting');
    let access: MediaAccess;
    try {
      access = await getAccess();
    } catch {
      throw new CheckFailure('refused');
    }
    socket = io(access.sfuUrl, {
      auth: { protocolVersion: PROTOCOL_VERSION, token: access.token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: connectTimeoutMs,
    });
    await connectSocket(socket);
    const device = await Device.factory();
    await device.load({ routerRtpCapabilities: (await request(socket, 'getRouterRtpCapabilities', {})) as unknown as ms.RtpCapabilities });
    const iceServers = access.iceServers as RTCIceServer[];
    send = device.createSendTransport(transportOptions(await request(socket, 'createWebRtcTransport', { direction: 'send' }), iceServers));
    recv = device.createRecvTransport(transportOptions(await request(socket, 'createWebRtcTransport', { direction: 'recv' }), iceServers));
    const s = socket;
    for (const transport of [send, recv]) {
      transport.on('connect', ({ dtlsParameters }, callback, errback) => {
        request(s, 'connectWebRtcTransport', { transportId: transport.id, dtlsParameters: dtlsParameters as unknown as Record<string, unknown> }).then(() => callback(), errback);
      });
    }
    send.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
      const source = kind === 'audio' ? 'mic' : 'camera';
      request(s, 'produce', { transportId: send!.id, kind, rtpParameters: rtpParameters as unknown as Record<string, unknown>, source: (appData.source as 'mic' | 'camera' | undefined) ?? source })
        .then(({ producerId }) => callback({ id: producerId }), errback);
    });

    const iceFailed = new Promise<never>((_, reject) => {
      for (const transport of [send!, recv!]) {
        transport.on('connectionstatechange', (state) => {
          if (state === 'connected') connected = true;
          if (state === 'failed') reject(new CheckFailure('ice-failed'));
        });
      }
    });
    iceFailed.catch(() => undefined);

    const consumers: ms.Consumer[] = [];
    const recvTransport = recv;
    socket.on('newConsumer', (offer: NewConsumerOffer, ack: (res: Ack<Record<string, never>>) => void) => {
      recvTransport
        .consume({ id: offer.consumerId, producerId: offer.producerId, kind: offer.kind, rtpParameters: offer.rtpParameters as unknown as ms.RtpParameters })
        .then((consumer) => {
          consumers.push(consumer);
          ack({ ok: true, data: {} });
        })
        .catch((error: unknown) => ack({ ok: false, error: { code: 'CONSUME_FAILED', message: String(error) } }));
    });

    await request(socket, 'join', { rtpCapabilities: device.rtpCapabilities as unknown as Record<string, unknown> });
    const audio = stream.getAudioTracks().find((t) => t.readyState === 'live');
    const video = stream.getVideoTracks().find((t) => t.readyState === 'live' && t.enabled);
    if (audio && device.canProduce('audio')) await send.produce({ track: audio, stopTracks: false, appData: { source: 'mic' } });
    const videoSent = !!video && device.canProduce('video');
    if (video && videoSent) await send.produce({ track: video, stopTracks: false, appData: { source: 'camera' }, codecOptions: { videoGoogleStartBitrate: 1000 } });

    // Wait until media comes back on every consumer (bytes received), or give up.
    const expected = (audio ? 1 : 0) + (videoSent ? 1 : 0);
    const flowing = async () => {
      const deadline = performance.now() + connectTimeoutMs;
      while (performance.now() < deadline) {
        if (consumers.length >= expected && connected) {
          const sample = await readTransportStats(send!, recv!);
          if (sample.audio.bytesReceived > 0 && (!videoSent || sample.video.bytesReceived > 0)) return sample;
        }
        await sleep(200);
      }
      throw new CheckFailure(connected ? 'no-media-back' : 'timeout');
    };
    const first: TransportSample = await Promise.race([flowing(), iceFailed]);
    onPhase?.('measuring');
    await Promise.race([sleep(measureMs), iceFailed]);
    const last = await readTransportStats(send, recv);
    return { ...figuresBetween(first, last, { videoSent }), durationMs: elapsed() };
  } catch (error) {
    const failure: NetworkFailure = error instanceof CheckFailure ? error.failure : connected ? 'no-media-back' : 'sfu-unreachable';
    return notConnected(failure, elapsed());
  } finally {
    onPhase?.('done');
    send?.close();
    recv?.close();
    if (socket) {
      socket.removeAllListeners();
      socket.disconnect();
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function connectSocket(socket: SfuSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error: Error & { data?: Partial<HandshakeRefusal> }) => {
      reject(new CheckFailure(error.data?.code ? 'refused' : 'sfu-unreachable'));
    });
  });
}

function request<N extends SignalingRequestName>(socket: SfuSocket, name: N, payload: SignalingRequest<N>): Promise<SignalingResponses[N]> {
  return new Promise((resolve, reject) => {
    (socket as unknown as Socket).timeout(REQUEST_TIMEOUT_MS).emit(name, payload, (err: Error | null, res: Ack<SignalingResponses[N]>) => {
      if (err) reject(new CheckFailure('timeout'));
      else if (res?.ok) resolve(res.data);
      else reject(new CheckFailure('refused'));
    });
  });
}

function transportOptions(options: TransportOptions, iceServers: RTCIceServer[]): ms.TransportOptions {
  return {
    id: options.id,
    iceParameters: options.iceParameters as unknown as ms.IceParameters,
    iceCandidates: options.iceCandidates as unknown as ms.IceCandidate[],
    dtlsParameters: options.dtlsParameters as unknown as ms.DtlsParameters,
    iceServers: iceServers.length > 0 ? iceServers : undefined,
  };
}
