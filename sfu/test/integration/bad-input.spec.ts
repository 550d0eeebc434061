import { generateKeyPair, SignJWT } from 'jose';
import { PROTOCOL_VERSION, versionMismatchMessage } from '@visite/contracts';
import { controlToken, generateTestKeys, mediaToken } from '../support/tokens';
import { TestPeer, vp8RtpParameters } from '../support/test-peer';
import { useTestSfu, waitFor } from '../support/test-sfu';

describe('bad input never breaks the SFU', () => {
  const t = useTestSfu({}, { perFile: true });
  const connect = (room: string, sub: string) => t.connect(room, sub);

  describe('handshake', () => {
    it('refuses another protocol version with PROTOCOL_VERSION_MISMATCH', async () => {
      const token = await mediaToken(t.keys, { room: 'r' });
      const refusal = await TestPeer.refusal(t.url, { protocolVersion: PROTOCOL_VERSION + 1, token });
      expect(refusal.data).toEqual({
        code: 'PROTOCOL_VERSION_MISMATCH',
        message: versionMismatchMessage(PROTOCOL_VERSION + 1),
        protocolVersion: PROTOCOL_VERSION,
      });
      expect(refusal.message).toBe(versionMismatchMessage(PROTOCOL_VERSION + 1));
      expect((await TestPeer.refusal(t.url, { token })).data.code).toBe('PROTOCOL_VERSION_MISMATCH');
      expect((await TestPeer.refusal(t.url, undefined)).data.code).toBe('PROTOCOL_VERSION_MISMATCH');
    });

    it.each([
      ['a missing token', async () => undefined, 'INVALID_TOKEN', /media token/],
      ['a garbage token', async () => 'x'.repeat(40), 'INVALID_TOKEN', /malformed/],
      ['an expired token', async () => mediaToken(t.keys, { room: 'r' }, { expiresIn: -60 }), 'TOKEN_EXPIRED', /expired/],
      ['a token signed by another key', async () => mediaToken(await generateTestKeys(), { room: 'r' }), 'INVALID_TOKEN', /signature/],
      ['a token for another audience', async () => mediaToken(t.keys, { room: 'r' }, { audience: 'visite-sfu-control' }), 'INVALID_TOKEN', /"aud"/],
      ['a token from another issuer', async () => mediaToken(t.keys, { room: 'r' }, { issuer: 'someone-else' }), 'INVALID_TOKEN', /"iss"/],
      [
        'a token with bad claims',
        async () => mediaToken(t.keys, { room: 'r', role: 'admin' as never }),
        'INVALID_TOKEN',
        /claims are invalid \(role\)/,
      ],
      [
        'a token signed with another algorithm',
        async () => {
          const { privateKey } = await generateKeyPair('ES256');
          return new SignJWT({ sub: 'p', room: 'r', role: 'patient', name: 'n' })
            .setProtectedHeader({ alg: 'ES256' })
            .setIssuer('visite-server')
            .setAudience('visite-sfu')
            .setExpirationTime('5m')
            .sign(privateKey);
        },
        'INVALID_TOKEN',
        /EdDSA/,
      ],
    ])('refuses %s', async (_what, makeToken, code, message) => {
      const refusal = await TestPeer.refusal(t.url, { protocolVersion: PROTOCOL_VERSION, token: await makeToken() });
      expect(refusal.data.code).toBe(code);
      expect(refusal.data.message).toMatch(message);
      expect(refusal.data.protocolVersion).toBe(PROTOCOL_VERSION);
    });

    it('binds a socket to its token room: a token for room A can only act in room A', async () => {
      const a = await connect('room-A', 'intruder');
      const b = await connect('room-B', 'owner');
      await b.enter();
      // Requests have no room field at all: a payload naming another room is rejected outright.
      const res = await a.request('join', { rtpCapabilities: {}, roomId: 'room-B' });
      expect(res).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      const rtpCapabilities = await a.ok('getRouterRtpCapabilities');
      const { peers: seen } = await a.ok('join', { rtpCapabilities });
      expect(seen).toEqual([]);
      const roomA = t.sfu.rooms.get('room-A')!;
      const roomB = t.sfu.rooms.get('room-B')!;
      expect(roomA.peers.map((p) => p.id)).toEqual(['intruder']);
      expect(roomB.peers.map((p) => p.id)).toEqual(['owner']);
      expect(b.eventsNamed('peerJoined')).toEqual([]);
    });
  });

  describe('requests', () => {
    it('refuses malformed requests with a code and a message, and keeps serving', async () => {
      const peer = await connect('bad-requests', 'p');
      const cases: [unknown[], string, RegExp][] = [
        [['createWebRtcTransport', {}], 'BAD_REQUEST', /direction/],
        [['createWebRtcTransport', { direction: 'sideways' }], 'BAD_REQUEST', /direction/],
        [['createWebRtcTransport', { direction: 'send', forceTcp: 'yes' }], 'BAD_REQUEST', /forceTcp/],
        [['createWebRtcTransport', 'send'], 'BAD_REQUEST', /must be an object/],
        [['createWebRtcTransport', null], 'BAD_REQUEST', /must be an object/],
        [['createWebRtcTransport', [1, 2]], 'BAD_REQUEST', /must be an object/],
        [['join', { rtpCapabilities: 'all' }], 'BAD_REQUEST', /rtpCapabilities/],
        [['join', { rtpCapabilities: { codecs: 'none' } }], 'BAD_REQUEST', /codecs/],
        [['dropDatabase', {}], 'UNKNOWN_REQUEST', /unknown request/],
        [['__proto__', {}], 'UNKNOWN_REQUEST', /unknown request/],
        [['connectWebRtcTransport', { transportId: 'nope', dtlsParameters: {} }], 'TRANSPORT_NOT_FOUND', /nope/],
        [['restartIce', { transportId: 'nope' }], 'TRANSPORT_NOT_FOUND', /nope/],
        [['closeProducer', { producerId: 'nope' }], 'PRODUCER_NOT_FOUND', /nope/],
        [['setConsumerPreferredLayers', { consumerId: 'nope', spatialLayer: 1 }], 'CONSUMER_NOT_FOUND', /nope/],
        [['setConsumerPreferredLayers', { consumerId: 'x', spatialLayer: 9 }], 'BAD_REQUEST', /spatialLayer/],
        [['join', { rtpCapabilities: { codecs: [{ mimeType: 'audio/opus\u0000' }] } }], 'BAD_REQUEST', /NUL/],
        [['connectWebRtcTransport', { transportId: 'x', dtlsParameters: { role: '\uD800' } }], 'BAD_REQUEST', /Unicode/],
        [['join', { rtpCapabilities: JSON.parse('{"a":'.repeat(3000) + '1' + '}'.repeat(3000)) }], 'BAD_REQUEST', /nested/],
      ];
      for (const [args, code, message] of cases) {
        const res = await peer.raw(...(args as [string, ...unknown[]]));
        expect({ args, res }).toMatchObject({ args, res: { ok: false, error: { code, message: expect.stringMatching(message) } } });
      }
      // Not joined yet: producing is refused.
      const send = await peer.ok('createWebRtcTransport', { direction: 'send' });
      const notJoined = await peer.request('produce', { transportId: send.id, kind: 'video', rtpParameters: vp8RtpParameters(), source: 'camera' });
      expect(notJoined).toMatchObject({ ok: false, error: { code: 'NOT_JOINED' } });
      // Still serving.
      expect((await peer.request('getRouterRtpCapabilities')).ok).toBe(true);
    });

    it('turns mediasoup validation errors into BAD_REQUEST with mediasoup’s message', async () => {
      const peer = await connect('bad-media', 'p');
      const { sendTransportId, recvTransportId } = await peer.enter();
      const produce = (rtpParameters: unknown, transportId = sendTransportId, kind = 'video') =>
        peer.request('produce', { transportId, kind, rtpParameters, source: 'camera' });

      const missingCodecs = await produce({ encodings: [{ ssrc: 1 }] });
      expect(missingCodecs).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      if (!missingCodecs.ok) expect(missingCodecs.error.message.length).toBeGreaterThan(5);

      const wrongTypes = await produce({ codecs: 'vp8', encodings: 7 });
      expect(wrongTypes).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

      const unsupportedCodec = await produce({
        codecs: [{ mimeType: 'video/AV2', payloadType: 100, clockRate: 90000 }],
        encodings: [{ ssrc: 5 }],
      });
      expect(unsupportedCodec).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

      const audioAsVideo = await produce(vp8RtpParameters(), sendTransportId, 'audio');
      expect(audioAsVideo).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

      const onRecvTransport = await produce(vp8RtpParameters(), recvTransportId);
      expect(onRecvTransport).toMatchObject({ ok: false, error: { code: 'TRANSPORT_NOT_FOUND' } });

      const badDtls = await peer.request('connectWebRtcTransport', { transportId: sendTransportId, dtlsParameters: { role: 'server', fingerprints: 'no' } });
      expect(badDtls).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

      expect(await peer.request('join', { rtpCapabilities: { codecs: [] } })).toMatchObject({ ok: false, error: { code: 'ALREADY_JOINED' } });

      // A valid request still works afterwards.
      expect(await produce(vp8RtpParameters())).toMatchObject({ ok: true, data: { producerId: expect.any(String) } });
    });

    it('caps the transports and producers one peer can hold', async () => {
      const peer = await connect('limits', 'p');
      const { sendTransportId } = await peer.enter();
      for (let i = 2; i < 6; i++) await peer.ok('createWebRtcTransport', { direction: 'recv' });
      expect(await peer.request('createWebRtcTransport', { direction: 'recv' })).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
      for (let i = 0; i < 8; i++) {
        await peer.ok('produce', { transportId: sendTransportId, kind: 'video', rtpParameters: vp8RtpParameters(), source: 'camera' });
      }
      const ninth = await peer.request('produce', { transportId: sendTransportId, kind: 'video', rtpParameters: vp8RtpParameters(), source: 'camera' });
      expect(ninth).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
    });

    it('ignores requests without an acknowledgement callback', async () => {
      const peer = await connect('no-ack', 'p');
      peer.socket.emit('createWebRtcTransport', { direction: 'send' });
      peer.socket.emit('whatever');
      expect((await peer.request('getRouterRtpCapabilities')).ok).toBe(true);
    });
  });

  describe('HTTP', () => {
    const post = (path: string, token?: string) =>
      fetch(`${t.url}${path}`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {} });

    it('serves liveness and readiness', async () => {
      const live = await fetch(`${t.url}/health/live`);
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${t.url}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ok', workers: 1, aliveWorkers: 1 });
    });

    it('closes a room only with a control token for that room and action', async () => {
      const peer = await connect('visit-1', 'p');
      await peer.enter();
      const room = t.sfu.rooms.get('visit-1')!;

      const noToken = await post('/control/rooms/visit-1/close');
      expect(noToken.status).toBe(401);
      expect(await noToken.json()).toMatchObject({ code: 'INVALID_TOKEN', message: expect.stringMatching(/Bearer/) });

      const mediaInstead = await post('/control/rooms/visit-1/close', await mediaToken(t.keys, { room: 'visit-1' }));
      expect(mediaInstead.status).toBe(401);
      expect(await mediaInstead.json()).toMatchObject({ code: 'INVALID_TOKEN' });

      const foreign = await post('/control/rooms/visit-1/close', await controlToken(await generateTestKeys(), { room: 'visit-1', action: 'close-room' }));
      expect(foreign.status).toBe(401);

      const expired = await post('/control/rooms/visit-1/close', await controlToken(t.keys, { room: 'visit-1', action: 'close-room' }, { expiresIn: -5 }));
      expect(expired.status).toBe(401);
      expect(await expired.json()).toMatchObject({ code: 'TOKEN_EXPIRED' });

      const otherRoom = await post('/control/rooms/visit-1/close', await controlToken(t.keys, { room: 'visit-2', action: 'close-room' }));
      expect(otherRoom.status).toBe(403);
      expect(await otherRoom.json()).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/another room/) });

      const wrongAction = await post('/control/rooms/visit-1/close', await controlToken(t.keys, { room: 'visit-1', action: 'room-stats' }));
      expect(wrongAction.status).toBe(403);

      expect(room.closed).toBe(false);
      expect(peer.socket.connected).toBe(true);

      const closing = peer.waitForEvent('roomClosed');
      const ok = await post('/control/rooms/visit-1/close', await controlToken(t.keys, { room: 'visit-1', action: 'close-room' }));
      expect(ok.status).toBe(200);
      // No media was sent: what the room carried is zeros (see media-ledger.spec.ts).
      const zero = { audioPackets: 0, videoPackets: 0, audioBytes: 0, videoBytes: 0 };
      expect(await ok.json()).toEqual({ roomId: 'visit-1', doctor: zero, patient: zero });
      expect(await closing).toEqual({ reason: 'visit-ended' });
      await waitFor(() => peer.socket.disconnected);
      expect(room.closed).toBe(true);
      expect(t.sfu.rooms.get('visit-1')).toBeUndefined();

      // Idempotent: closing a room that is not (or no longer) there is a success.
      const again = await post('/control/rooms/visit-1/close', await controlToken(t.keys, { room: 'visit-1', action: 'close-room' }));
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ roomId: 'visit-1', doctor: zero, patient: zero });
    });

    it('answers unknown routes, bad room ids and missing rooms with JSON errors, never a 500', async () => {
      const unknown = await fetch(`${t.url}/nope`);
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ code: 'NOT_FOUND' });
      expect((await fetch(`${t.url}/control/rooms/x/close`)).status).toBe(404);

      const badEncoding = await post('/control/rooms/%E0%A4%A/close', 'whatever');
      expect(badEncoding.status).toBe(400);
      expect(await badEncoding.json()).toMatchObject({ code: 'BAD_REQUEST' });
      expect((await post(`/control/rooms/${'x'.repeat(101)}/close`, 'whatever')).status).toBe(400);

      const stats = await fetch(`${t.url}/control/rooms/ghost/stats`, {
        headers: { authorization: `Bearer ${await controlToken(t.keys, { room: 'ghost', action: 'room-stats' })}` },
      });
      expect(stats.status).toBe(404);
      expect(await stats.json()).toMatchObject({ code: 'ROOM_NOT_FOUND' });

      const garbage = await post('/control/rooms/visit-9/close', 'not.a.jwt');
      expect(garbage.status).toBe(401);
    });
  });
});
