import { createSocket } from 'node:dgram';
import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import { BENCH_TOKEN_AUDIENCE } from '@visite/contracts';
import { mediaToken } from '../support/tokens';
import { TestPeer } from '../support/test-peer';
import { useTestSfu, waitFor } from '../support/test-sfu';

const SUITE = 'AEAD_AES_256_GCM';

describe('benchmark plain SRTP transports are off by default', () => {
  const t = useTestSfu({}, { perFile: true });

  it('refuses a bench token at the handshake', async () => {
    const token = await mediaToken(t.keys, { room: 'b0' }, { audience: BENCH_TOKEN_AUDIENCE });
    const refusal = await TestPeer.refusal(t.url, { protocolVersion: (await import('@visite/contracts')).PROTOCOL_VERSION, token });
    expect(refusal.data.code).toBe('INVALID_TOKEN');
    expect(refusal.message).toMatch(/"aud"/);
  });

  it('answers a media token socket that the bench requests do not exist', async () => {
    const peer = await t.connect('b1', 'a');
    const res = await peer.request('benchCreatePlainTransport', { direction: 'send', srtpCryptoSuite: SUITE });
    expect(res).toEqual({ ok: false, error: { code: 'UNKNOWN_REQUEST', message: 'unknown request "benchCreatePlainTransport"' } });
    const connect = await peer.request('benchConnectPlainTransport', { transportId: 'x', srtpParameters: { cryptoSuite: SUITE, keyBase64: 'A'.repeat(60) } });
    expect(connect.ok).toBe(false);
    if (!connect.ok) expect(connect.error.code).toBe('UNKNOWN_REQUEST');
  });
});

describe('benchmark plain SRTP transports with SFU_BENCH_PLAIN_TRANSPORTS=true', () => {
  const t = useTestSfu({ SFU_BENCH_PLAIN_TRANSPORTS: 'true' }, { perFile: true });
  let genWorker: types.Worker;

  beforeAll(async () => {
    genWorker = await mediasoup.createWorker({ workerBin: process.env.MEDIASOUP_WORKER_BIN, logLevel: 'warn' });
  });
  afterAll(() => genWorker.close());

  const benchPeer = async (room: string, sub: string): Promise<TestPeer> => {
    const peer = await TestPeer.connect(t.url, await mediaToken(t.keys, { room, sub }, { audience: BENCH_TOKEN_AUDIENCE }));
    t.adopt(peer);
    return peer;
  };

  it('still tells a browser (media token) socket that the bench requests do not exist', async () => {
    const peer = await t.connect('b2', 'a');
    const res = await peer.request('benchCreatePlainTransport', { direction: 'recv', srtpCryptoSuite: SUITE });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('UNKNOWN_REQUEST');
  });

  it('validates bench requests and keeps WebRTC requests off plain transports', async () => {
    const peer = await benchPeer('b3', 'a');
    const bad = await peer.request('benchCreatePlainTransport', { direction: 'send', srtpCryptoSuite: 'NULL_CIPHER' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('BAD_REQUEST');
    const recv = await peer.ok('benchCreatePlainTransport', { direction: 'recv', srtpCryptoSuite: SUITE });
    const noAddress = await peer.request('benchConnectPlainTransport', { transportId: recv.id, srtpParameters: recv.srtpParameters });
    expect(noAddress.ok).toBe(false);
    if (!noAddress.ok) expect(noAddress.error.code).toBe('BAD_REQUEST');
    const ice = await peer.request('restartIce', { transportId: recv.id });
    expect(ice.ok).toBe(false);
    if (!ice.ok) expect(ice.error.code).toBe('TRANSPORT_NOT_FOUND');
  });

  /**
   * Real SRTP with AEAD_AES_256_GCM both ways through the SFU's worker: a second mediasoup worker in the
   * test plays the generator (plain RTP in from a UDP socket, SRTP out to the SFU's bench send transport)
   * and the receiver (SRTP in from the SFU's bench recv transport). Packets counted by the receiving
   * producer passed libsrtp's authentication and decryption.
   */
  it('forwards real AEAD_AES_256_GCM SRTP from one bench peer to the other', async () => {
    const router = await genWorker.createRouter({ mediaCodecs: [{ kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 }] });
    const listenInfo = { protocol: 'udp' as const, ip: '127.0.0.1' };
    const a = await benchPeer('b4', 'a');
    const b = await benchPeer('b4', 'b');

    // b receives: the SFU's recv transport sends SRTP to the test's receiving transport.
    const bRecv = await b.ok('benchCreatePlainTransport', { direction: 'recv', srtpCryptoSuite: SUITE });
    const fromSfu = await router.createPlainTransport({ listenInfo, rtcpMux: true, comedia: true, enableSrtp: true, srtpCryptoSuite: SUITE });
    await fromSfu.connect({ srtpParameters: bRecv.srtpParameters });
    await b.ok('benchConnectPlainTransport', {
      transportId: bRecv.id,
      ip: '127.0.0.1',
      port: fromSfu.tuple.localPort,
      srtpParameters: fromSfu.srtpParameters,
    });
    await b.ok('join', { rtpCapabilities: await b.ok('getRouterRtpCapabilities') });

    // a sends: plain RTP from a UDP socket into the test's router, SRTP from there to the SFU.
    const aSend = await a.ok('benchCreatePlainTransport', { direction: 'send', srtpCryptoSuite: SUITE });
    const toSfu = await router.createPlainTransport({ listenInfo, rtcpMux: true, comedia: false, enableSrtp: true, srtpCryptoSuite: SUITE });
    await toSfu.connect({ ip: aSend.ip, port: aSend.port, srtpParameters: aSend.srtpParameters });
    await a.ok('benchConnectPlainTransport', { transportId: aSend.id, srtpParameters: toSfu.srtpParameters });
    await a.ok('join', { rtpCapabilities: await a.ok('getRouterRtpCapabilities') });
    const srcIn = await router.createPlainTransport({ listenInfo, rtcpMux: true, comedia: true });
    const source = await srcIn.produce({
      kind: 'audio',
      rtpParameters: { codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 }], encodings: [{ ssrc: 4242 }] },
    });
    const out = await toSfu.consume({ producerId: source.id, rtpCapabilities: router.rtpCapabilities });
    await a.ok('produce', { transportId: aSend.id, kind: 'audio', rtpParameters: out.rtpParameters, source: 'mic' });

    await waitFor(() => b.offers.length === 1, 3000, 'the consumer offer');
    const received = await fromSfu.produce({ kind: 'audio', rtpParameters: b.offers[0]!.rtpParameters as unknown as types.RtpParameters });

    const socket = createSocket('udp4');
    let seq = 0;
    const timer = setInterval(() => {
      const packet = Buffer.alloc(12 + 80, 0x55);
      packet[0] = 0x80;
      packet[1] = 100;
      packet.writeUInt16BE(seq, 2);
      packet.writeUInt32BE(seq * 960, 4);
      packet.writeUInt32BE(4242, 8);
      packet[12] = 0x78;
      seq += 1;
      socket.send(packet, srcIn.tuple.localPort, '127.0.0.1');
    }, 20);
    try {
      const packets = async () => (await received.getStats())[0]?.packetCount ?? 0;
      let count = 0;
      const deadline = Date.now() + 5000;
      while (count < 50 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        count = await packets();
      }
      expect(count).toBeGreaterThanOrEqual(50);
      const sfuProducer = t.sfu.rooms.get('b4')!.peers.find((p) => p.id === 'a')!.producers[0]!;
      expect((await sfuProducer.getStats())[0]!.packetCount).toBeGreaterThanOrEqual(count);
    } finally {
      clearInterval(timer);
      socket.close();
      router.close();
    }
  });
});
