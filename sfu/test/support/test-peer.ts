import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type Ack,
  type HandshakeRefusal,
  type NewConsumerOffer,
  type SignalingRequestName,
  type SignalingResponses,
} from '@visite/contracts';

type NewConsumerReply = (offer: NewConsumerOffer) => Ack<Record<string, never>> | Promise<Ack<Record<string, never>>>;

/** A signaling client driving the SFU over a real socket.io connection (no browser, no media). */
export class TestPeer {
  readonly socket: Socket;
  readonly events: { event: string; payload: unknown }[] = [];
  readonly offers: NewConsumerOffer[] = [];
  /** How the peer answers `newConsumer`; acknowledges at once by default. */
  replyToNewConsumer: NewConsumerReply = () => ({ ok: true, data: {} });

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.onAny((event: string, payload: unknown) => this.events.push({ event, payload }));
    socket.on('newConsumer', (offer: NewConsumerOffer, ack: (res: unknown) => void) => {
      this.offers.push(offer);
      void Promise.resolve(this.replyToNewConsumer(offer)).then(ack);
    });
  }

  static connect(url: string, token: string, protocolVersion: unknown = PROTOCOL_VERSION): Promise<TestPeer> {
    const socket = io(url, { auth: { protocolVersion, token }, transports: ['websocket'], reconnection: false, forceNew: true });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(new TestPeer(socket)));
      socket.once('connect_error', (err) => {
        socket.close();
        reject(err);
      });
    });
  }

  /** Connects expecting a refusal; resolves with `connect_error`'s data. */
  static async refusal(url: string, auth: unknown): Promise<{ message: string; data: HandshakeRefusal }> {
    const socket = io(url, { auth: auth as Record<string, unknown>, transports: ['websocket'], reconnection: false, forceNew: true });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => {
        socket.close();
        reject(new Error('connected although a refusal was expected'));
      });
      socket.once('connect_error', (err: Error & { data?: HandshakeRefusal }) => {
        socket.close();
        resolve({ message: err.message, data: err.data as HandshakeRefusal });
      });
    });
  }

  /** Sends any request (also malformed ones) and resolves with the SFU's acknowledgement. */
  raw(name: string, ...args: unknown[]): Promise<Ack<unknown>> {
    return this.socket.timeout(5000).emitWithAck(name, ...args) as Promise<Ack<unknown>>;
  }

  request<N extends SignalingRequestName>(name: N, payload: unknown = {}): Promise<Ack<SignalingResponses[N]>> {
    return this.raw(name, payload) as Promise<Ack<SignalingResponses[N]>>;
  }

  async ok<N extends SignalingRequestName>(name: N, payload: unknown = {}): Promise<SignalingResponses[N]> {
    const res = await this.request(name, payload);
    if (!res.ok) throw new Error(`${name} refused: ${res.error.code} ${res.error.message}`);
    return res.data;
  }

  /** Loads "the device" (router capabilities), creates send and recv transports, and joins. */
  async enter(): Promise<{ rtpCapabilities: Record<string, unknown>; sendTransportId: string; recvTransportId: string; peers: SignalingResponses['join']['peers'] }> {
    const rtpCapabilities = await this.ok('getRouterRtpCapabilities');
    const send = await this.ok('createWebRtcTransport', { direction: 'send' });
    const recv = await this.ok('createWebRtcTransport', { direction: 'recv' });
    const { peers } = await this.ok('join', { rtpCapabilities });
    return { rtpCapabilities, sendTransportId: send.id, recvTransportId: recv.id, peers };
  }

  eventsNamed(event: string): unknown[] {
    return this.events.filter((e) => e.event === event).map((e) => e.payload);
  }

  waitForEvent(event: string, timeoutMs = 5000): Promise<unknown> {
    const seen = this.eventsNamed(event);
    if (seen.length > 0) return Promise.resolve(seen[seen.length - 1]);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "${event}" within ${timeoutMs} ms`)), timeoutMs);
      this.socket.once(event, (payload: unknown) => {
        clearTimeout(timer);
        resolve(payload);
      });
    });
  }

  waitForDisconnect(timeoutMs = 5000): Promise<string> {
    if (!this.socket.connected) return Promise.resolve('already disconnected');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not disconnected within ${timeoutMs} ms`)), timeoutMs);
      this.socket.once('disconnect', (reason) => {
        clearTimeout(timer);
        resolve(reason);
      });
    });
  }

  close(): void {
    this.socket.close();
  }
}

let ssrc = 10_000_000;

/** Valid RTP parameters as a browser would send them (mediasoup validates them for real). */
export function vp8RtpParameters(): Record<string, unknown> {
  ssrc += 2;
  return {
    mid: String(ssrc),
    codecs: [
      {
        mimeType: 'video/VP8',
        payloadType: 96,
        clockRate: 90000,
        rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }, { type: 'goog-remb' }],
      },
      { mimeType: 'video/rtx', payloadType: 97, clockRate: 90000, parameters: { apt: 96 } },
    ],
    headerExtensions: [{ uri: 'urn:ietf:params:rtp-hdrext:sdes:mid', id: 1 }],
    encodings: [{ ssrc, rtx: { ssrc: ssrc + 1 } }],
    rtcp: { cname: 'test-video' },
  };
}

export function opusRtpParameters(): Record<string, unknown> {
  ssrc += 2;
  return {
    mid: String(ssrc),
    codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2, parameters: { useinbandfec: 1 } }],
    headerExtensions: [{ uri: 'urn:ietf:params:rtp-hdrext:sdes:mid', id: 1 }],
    encodings: [{ ssrc }],
    rtcp: { cname: 'test-audio' },
  };
}

/** Simulcast VP8 with three spatial layers. */
export function vp8SimulcastRtpParameters(): Record<string, unknown> {
  const params = vp8RtpParameters();
  ssrc += 6;
  return {
    ...params,
    encodings: [
      { ssrc: ssrc, rtx: { ssrc: ssrc + 1 }, scalabilityMode: 'L1T3' },
      { ssrc: ssrc + 2, rtx: { ssrc: ssrc + 3 }, scalabilityMode: 'L1T3' },
      { ssrc: ssrc + 4, rtx: { ssrc: ssrc + 5 }, scalabilityMode: 'L1T3' },
    ],
  };
}
