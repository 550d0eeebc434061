import { createSocket, type Socket } from 'node:dgram';
import type { TransportAppData, PeerTransport } from '../../src/rooms/peer';
import { RtpSource } from '../support/rtp-source';
import { TestPeer } from '../support/test-peer';
import { checkToken, mediaToken } from '../support/tokens';
import { useTestSfu, waitFor } from '../support/test-sfu';

/** A UDP socket the SFU sends a consumer's RTP to (a plain receive transport stands in for the browser's). */
async function rtpSink(): Promise<{ socket: Socket; port: number; packets: Map<number, number> }> {
  const socket = createSocket('udp4');
  const packets = new Map<number, number>();
  socket.on('message', (msg) => {
    const payloadType = msg.length >= 12 ? msg[1]! & 0x7f : -1;
    if (payloadType < 0 || (payloadType >= 64 && payloadType <= 95)) return; // RTCP (rtcp-mux) is not media
    packets.set(payloadType, (packets.get(payloadType) ?? 0) + 1);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { socket, port: socket.address().port, packets };
}

describe('pre-call check rooms: loopback through the real worker, token scopes that never cross', () => {
  const t = useTestSfu({}, { perFile: true });

  it("sends a check participant's own audio and video back to it through the router, and keeps it out of the media ledger", async () => {
    const room = 'check-loop-1';
    const peer = await TestPeer.connect(t.url, await checkToken(t.keys, { room, sub: 'check-v1' }));
    t.adopt(peer);
    const entry = await peer.enter();
    expect(entry.peers).toEqual([]);
    const serverRoom = t.sfu.rooms.get(room)!;
    expect(serverRoom.kind).toBe('check');

    // The consumer side: a plain transport, the peer's newest receive transport, sending to our socket.
    const sink = await rtpSink();
    const serverPeer = serverRoom.peers.find((p) => p.id === 'check-v1')!;
    const recv = await serverRoom.router.createPlainTransport<TransportAppData>({
      listenInfo: { protocol: 'udp', ip: '127.0.0.1' },
      rtcpMux: true,
      comedia: false,
      appData: { peerId: 'check-v1', direction: 'recv' },
    });
    await recv.connect({ ip: '127.0.0.1', port: sink.port });
    serverPeer.addTransport(recv as unknown as PeerTransport);

    const source = await RtpSource.open(t.sfu, room, 'check-v1', peer);
    try {
      const audioId = await source.send('audio');
      const videoId = await source.send('video');
      await waitFor(() => peer.offers.length === 2, 3000, 'two loopback offers');
      expect(peer.offers.map((o) => [o.producerId, o.peerId]).sort()).toEqual([[audioId, 'check-v1'], [videoId, 'check-v1']].sort());
      const consumers = serverPeer.consumers;
      await waitFor(() => consumers.every((c) => !c.paused), 3000, 'loopback consumers resumed');
      // Real RTP came back: both payload types the consumers use.
      const payloadTypes = consumers.map((c) => c.rtpParameters.codecs[0]!.payloadType);
      await waitFor(() => payloadTypes.every((pt) => (sink.packets.get(pt) ?? 0) >= 10), 5000, 'RTP back on both consumers').catch((e: Error) => {
        throw new Error(`${e.message}: expected payload types ${payloadTypes.join(', ')}, got ${JSON.stringify([...sink.packets])}`);
      });
      expect(source.sent('audio').packets).toBeGreaterThan(10);
      const [stats] = await consumers.find((c) => c.kind === 'audio')!.getStats();
      expect(stats!.packetCount).toBeGreaterThan(10);
    } finally {
      source.close();
      sink.socket.close();
    }
    // The check is no visit's media: the billing ledger never hears of it.
    expect(t.sfu.media.has(room)).toBe(false);
    peer.close();
    await waitFor(() => t.sfu.rooms.get(room) === undefined, 5000, 'check room closed with its participant');
    expect(t.sfu.media.has(room)).toBe(false);
  });

  it('a check token cannot open a visit room, a media token cannot open a check room, and a check room holds one participant', async () => {
    // A visit in progress, with its doctor inside.
    const doctor = await TestPeer.connect(t.url, await mediaToken(t.keys, { room: 'visit-123', sub: 'doctor-1', role: 'doctor' }));
    t.adopt(doctor);
    await doctor.enter();

    const intoVisit = await TestPeer.refusal(t.url, { protocolVersion: 1, token: await checkToken(t.keys, { room: 'visit-123', sub: 'patient-x' }) });
    expect(intoVisit.data.code).toBe('FORBIDDEN');
    expect(intoVisit.data.message).toMatch(/check token opens only a check room/);
    expect(t.sfu.rooms.get('visit-123')!.peers.map((p) => p.id)).toEqual(['doctor-1']);

    const intoCheck = await TestPeer.refusal(t.url, { protocolVersion: 1, token: await mediaToken(t.keys, { room: 'check-abc', sub: 'doctor-1', role: 'doctor' }) });
    expect(intoCheck.data.code).toBe('FORBIDDEN');
    expect(intoCheck.data.message).toMatch(/only with a check token/);
    expect(t.sfu.rooms.get('check-abc')).toBeUndefined();

    const tooLong = await TestPeer.refusal(t.url, { protocolVersion: 1, token: await checkToken(t.keys, { room: 'check-long' }, { expiresIn: 300 }) });
    expect(tooLong.data.code).toBe('INVALID_TOKEN');
    expect(tooLong.data.message).toMatch(/check tokens live at most 90 s/);

    const expired = await TestPeer.refusal(t.url, { protocolVersion: 1, token: await checkToken(t.keys, { room: 'check-old' }, { issuedAt: -70, expiresIn: -10 }) });
    expect(expired.data.code).toBe('TOKEN_EXPIRED');

    const first = await TestPeer.connect(t.url, await checkToken(t.keys, { room: 'check-one', sub: 'check-a' }));
    t.adopt(first);
    await first.enter();
    const second = await TestPeer.connect(t.url, await checkToken(t.keys, { room: 'check-one', sub: 'check-b' }));
    t.adopt(second);
    const refused = await second.request('getRouterRtpCapabilities');
    expect(refused).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
    expect(t.sfu.rooms.get('check-one')!.peers.map((p) => p.id)).toEqual(['check-a']);
    // The doctor's visit never saw any of it.
    expect(doctor.eventsNamed('peerJoined')).toEqual([]);
  });
});
