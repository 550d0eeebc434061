import { ClosedRooms } from '../../src/rooms/closed-rooms';
import { controlToken, mediaToken } from '../support/tokens';
import { TestPeer } from '../support/test-peer';
import { useTestSfu, waitFor } from '../support/test-sfu';

const TEN_YEARS = 10 * 365 * 86_400;

describe('token lifetime and closed rooms (real SFU, real worker)', () => {
  const t = useTestSfu({ SFU_MAX_TOKEN_LIFETIME_SECONDS: '600', SFU_TOKEN_CLOCK_SKEW_SECONDS: '30' }, { perFile: true });

  const closeRoom = async (room: string) => {
    const res = await fetch(`${t.url}/control/rooms/${room}/close`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await controlToken(t.keys, { room, action: 'close-room' })}` },
    });
    expect(res.status).toBe(200);
  };

  it('refuses a correctly signed token that lives longer than the maximum, one without iat, and one issued in the future', async () => {
    const cases: [string, Promise<string>, RegExp][] = [
      ['valid for 10 years', mediaToken(t.keys, { room: 'long' }, { issuedAt: 0, expiresIn: TEN_YEARS }), /lives 315360000 s; this SFU accepts at most 600 s/],
      ['valid for 601 s', mediaToken(t.keys, { room: 'long' }, { issuedAt: 0, expiresIn: 601 }), /at most 600 s/],
      ['without iat', mediaToken(t.keys, { room: 'long' }, { issuedAt: null, expiresIn: 60 }), /"iat"/],
      ['issued in an hour', mediaToken(t.keys, { room: 'long' }, { issuedAt: 3600, expiresIn: 3700 }), /"iat"/],
    ];
    for (const [what, token, message] of cases) {
      const refusal = await TestPeer.refusal(t.url, { protocolVersion: 1, token: await token });
      expect([what, refusal.data.code]).toEqual([what, 'INVALID_TOKEN']);
      expect(refusal.data.message).toMatch(message);
    }
    // The same room with a token of 600 s exactly is accepted.
    const peer = await TestPeer.connect(t.url, await mediaToken(t.keys, { room: 'long', sub: 'ok' }, { issuedAt: 0, expiresIn: 600 }));
    t.adopt(peer);
    expect((await peer.request('getRouterRtpCapabilities')).ok).toBe(true);
  });

  it('refuses a control token that lives longer than the maximum', async () => {
    const token = await controlToken(t.keys, { room: 'ctl', action: 'close-room' }, { issuedAt: 0, expiresIn: TEN_YEARS });
    const res = await fetch(`${t.url}/control/rooms/ctl/close`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'INVALID_TOKEN', message: expect.stringMatching(/at most 600 s/) });
  });

  it('once the server closes a room, its still-valid tokens (issued before) are refused and the room stays closed', async () => {
    const doctorToken = await mediaToken(t.keys, { room: 'visit-ended', sub: 'doctor-1', role: 'doctor' });
    const patientToken = await mediaToken(t.keys, { room: 'visit-ended', sub: 'patient-1' });
    const doctor = await TestPeer.connect(t.url, doctorToken);
    const patient = await TestPeer.connect(t.url, patientToken);
    t.adopt(doctor, patient);
    await doctor.enter();
    await patient.enter();

    await closeRoom('visit-ended');
    expect(await doctor.waitForEvent('roomClosed')).toEqual({ reason: 'visit-ended' });
    await waitFor(() => t.sfu.rooms.get('visit-ended') === undefined, 5000, 'room closed');

    // Replaying either token (valid for minutes more) opens nothing.
    for (const token of [doctorToken, patientToken, await mediaToken(t.keys, { room: 'visit-ended', sub: 'patient-1' })]) {
      const refusal = await TestPeer.refusal(t.url, { protocolVersion: 1, token });
      expect(refusal.data.code).toBe('ROOM_CLOSED');
    }
    expect(t.sfu.rooms.get('visit-ended')).toBeUndefined();

    // Other rooms are not affected.
    const other = await TestPeer.connect(t.url, await mediaToken(t.keys, { room: 'another-visit', sub: 'p' }));
    t.adopt(other);
    expect((await other.request('getRouterRtpCapabilities')).ok).toBe(true);
  });

  it('a room closed before anyone joined it (a cancelled visit) never opens', async () => {
    await closeRoom('cancelled-visit');
    const refusal = await TestPeer.refusal(t.url, { protocolVersion: 1, token: await mediaToken(t.keys, { room: 'cancelled-visit' }) });
    expect(refusal.data.code).toBe('ROOM_CLOSED');
    expect(t.sfu.rooms.get('cancelled-visit')).toBeUndefined();
  });

  it('a room the last peer left (not closed by the server) opens again for its peers', async () => {
    const token = await mediaToken(t.keys, { room: 'left-room', sub: 'p' });
    const first = await TestPeer.connect(t.url, token);
    await first.ok('getRouterRtpCapabilities');
    first.close();
    await waitFor(() => t.sfu.rooms.get('left-room') === undefined, 5000, 'room emptied');
    const again = await TestPeer.connect(t.url, token);
    t.adopt(again);
    expect((await again.request('getRouterRtpCapabilities')).ok).toBe(true);
  });
});

describe('ClosedRooms (unit, fake clock)', () => {
  it('remembers a closed room for the longest token validity, then forgets it', () => {
    let now = 1_000_000;
    const closed = new ClosedRooms(630_000, () => now);
    closed.add('a');
    now += 100_000;
    closed.add('b');
    expect([closed.has('a'), closed.has('b'), closed.size]).toEqual([true, true, 2]);
    now += 530_000; // 630 s after a
    expect([closed.has('a'), closed.has('b'), closed.size]).toEqual([false, true, 1]);
    now += 100_000;
    expect([closed.has('b'), closed.size]).toEqual([false, 0]);
  });

  it('closing a room again restarts its memory', () => {
    let now = 0;
    const closed = new ClosedRooms(1000, () => now);
    closed.add('a');
    now = 900;
    closed.add('a');
    now = 1500;
    expect(closed.has('a')).toBe(true);
  });
});
