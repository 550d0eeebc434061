import { createSocket, type Socket } from 'node:dgram';
import type { MediaSource } from '@visite/contracts';
import type { PeerTransport, TransportAppData } from '../../src/rooms/peer';
import type { Sfu } from '../../src/sfu';
import { opusRtpParameters, vp8RtpParameters, type TestPeer } from './test-peer';
import { waitFor } from './test-sfu';

type Kind = 'audio' | 'video';

interface Stream {
  kind: Kind;
  producerId: string;
  ssrc: number;
  payloadType: number;
  seq: number;
  timestamp: number;
  timer: NodeJS.Timeout;
}

/** Per kind: what one stream sends (opus 20 ms frames, VP8 at 30 fps one packet per frame). */
const PACING: Record<Kind, { everyMs: number; clockStep: number; payloadBytes: number }> = {
  audio: { everyMs: 20, clockStep: 960, payloadBytes: 80 },
  video: { everyMs: 33, clockStep: 3000, payloadBytes: 900 },
};

/**
 * Real RTP into the SFU without a browser (TestPeer only signals). A WebRtcTransport needs ICE, DTLS
 * and SRTP, so the test opens a plain RTP transport (comedia, rtcp-mux) on the room's router, hands it
 * to the server-side peer as a send transport, then `produce`s on it over signaling (the normal path:
 * Room.produce, consumers for the others) and sends RTP packets to it over UDP from here.
 */
export class RtpSource {
  readonly #peer: TestPeer;
  readonly #transportId: string;
  readonly #port: number;
  readonly #socket: Socket;
  readonly #streams: Stream[] = [];
  readonly #sent: Record<Kind, { packets: number; bytes: number }> = { audio: { packets: 0, bytes: 0 }, video: { packets: 0, bytes: 0 } };
  #closed = false;

  private constructor(peer: TestPeer, transportId: string, port: number) {
    this.#peer = peer;
    this.#transportId = transportId;
    this.#port = port;
    this.#socket = createSocket('udp4');
    this.#socket.on('error', () => undefined);
    this.#socket.unref();
  }

  /** For the joined peer `peerId` of `roomId` (driven by `peer`). */
  static async open(sfu: Sfu, roomId: string, peerId: string, peer: TestPeer): Promise<RtpSource> {
    await waitFor(() => sfu.rooms.get(roomId)?.peers.some((p) => p.id === peerId && p.joined && !p.closed) === true, 3000, `peer ${peerId} joined`);
    const room = sfu.rooms.get(roomId)!;
    const serverPeer = room.peers.find((p) => p.id === peerId && !p.closed)!;
    const transport = await room.router.createPlainTransport<TransportAppData>({
      listenInfo: { protocol: 'udp', ip: '127.0.0.1' },
      rtcpMux: true,
      comedia: true,
      appData: { peerId, direction: 'send' },
    });
    serverPeer.addTransport(transport as unknown as PeerTransport);
    const source = new RtpSource(peer, transport.id, transport.tuple.localPort);
    await new Promise<void>((resolve) => source.#socket.bind(0, '127.0.0.1', resolve));
    return source;
  }

  /** Produces `kind` (over signaling) and starts sending its RTP; returns the producer id. */
  async send(kind: Kind, source: MediaSource = kind === 'audio' ? 'mic' : 'camera'): Promise<string> {
    const rtpParameters = kind === 'audio' ? opusRtpParameters() : vp8RtpParameters();
    const { producerId } = await this.#peer.ok('produce', { transportId: this.#transportId, kind, rtpParameters, source });
    const codec = (rtpParameters.codecs as { payloadType: number }[])[0]!;
    const encoding = (rtpParameters.encodings as { ssrc: number }[])[0]!;
    const stream: Stream = {
      kind,
      producerId,
      ssrc: encoding.ssrc,
      payloadType: codec.payloadType,
      seq: 1000,
      timestamp: 123_456,
      timer: setInterval(() => this.#sendPacket(stream), PACING[kind].everyMs),
    };
    this.#streams.push(stream);
    return producerId;
  }

  /** Packets and bytes (whole RTP packets) handed to the socket so far, per kind. */
  sent(kind: Kind): { packets: number; bytes: number } {
    return { ...this.#sent[kind] };
  }

  /** Stops sending (the transport and producers stay until their peer goes). */
  stop(): void {
    for (const stream of this.#streams) clearInterval(stream.timer);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.stop();
    this.#socket.close();
  }

  #sendPacket(stream: Stream): void {
    if (this.#closed) return;
    const packet = rtpPacket(stream, payload(stream));
    stream.seq = (stream.seq + 1) & 0xffff;
    stream.timestamp = (stream.timestamp + PACING[stream.kind].clockStep) >>> 0;
    const counters = this.#sent[stream.kind];
    this.#socket.send(packet, this.#port, '127.0.0.1', (err) => {
      if (err) return;
      counters.packets += 1;
      counters.bytes += packet.length;
    });
  }
}

function rtpPacket(stream: Stream, body: Buffer): Buffer {
  const header = Buffer.alloc(12);
  header[0] = 0x80; // V=2, no padding, no extension, no CSRC
  header[1] = (stream.kind === 'video' ? 0x80 : 0) | stream.payloadType; // marker: one packet per video frame
  header.writeUInt16BE(stream.seq, 2);
  header.writeUInt32BE(stream.timestamp, 4);
  header.writeUInt32BE(stream.ssrc >>> 0, 8);
  return Buffer.concat([header, body]);
}

/** An opus frame (TOC byte + filler), or a VP8 frame: descriptor (S=1, partition 0) + a key frame every 30. */
function payload(stream: Stream): Buffer {
  const { payloadBytes } = PACING[stream.kind];
  const body = Buffer.alloc(payloadBytes, 0x55);
  if (stream.kind === 'audio') {
    body[0] = 0x78; // opus TOC: config 15 (hybrid FB 20 ms), mono, one frame
    return body;
  }
  const keyFrame = stream.seq % 30 === 1000 % 30;
  body[0] = 0x10; // VP8 payload descriptor: S=1, PID=0
  body[1] = keyFrame ? 0x10 : 0x11; // frame tag: show_frame, P (0 = key frame)
  body[2] = 0x00;
  body[3] = 0x00;
  if (keyFrame) {
    body.set([0x9d, 0x01, 0x2a], 4); // key frame start code
    body.writeUInt16LE(640, 7);
    body.writeUInt16LE(480, 9);
  }
  return body;
}
