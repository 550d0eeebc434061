import type { PeerInfo } from '@visite/contracts';
import { mediaToken } from '../support/tokens';
import { TestPeer } from '../support/test-peer';
import { useTestSfu, waitFor } from '../support/test-sfu';

describe('room and peer lifecycle', () => {
  const t = useTestSfu({ SFU_NUM_WORKERS: '2' });
  const connect = (room: string, sub: string, role: 'doctor' | 'patient' = 'patient') => t.connect(room, sub, { role, name: `Name ${sub}` });

  it('puts two peers of one room in one room, tells each about the other, and the last one out closes it', async () => {
    const doctor = await connect('room-a', 'doctor-1', 'doctor');
    const patient = await connect('room-a', 'patient-1');
    await waitFor(() => t.sfu.rooms.get('room-a')?.peers.length === 2);
    expect(t.sfu.rooms.size).toBe(1);
    const room = t.sfu.rooms.get('room-a')!;

    const doctorEntry = await doctor.enter();
    expect(doctorEntry.peers).toEqual([]);
    const patientEntry = await patient.enter();
    expect(patientEntry.peers).toEqual<PeerInfo[]>([{ peerId: 'doctor-1', role: 'doctor', displayName: 'Name doctor-1' }]);
    expect(await doctor.waitForEvent('peerJoined')).toEqual({ peerId: 'patient-1', role: 'patient', displayName: 'Name patient-1' });

    const patientPeer = room.peers.find((p) => p.id === 'patient-1')!;
    const patientTransports = [...patientPeer.transports];
    expect(patientTransports).toHaveLength(2);
    const dumpBefore = await room.router.dump();
    expect(dumpBefore.transportIds).toEqual(expect.arrayContaining([patientEntry.sendTransportId, patientEntry.recvTransportId]));

    patient.close();
    expect(await doctor.waitForEvent('peerLeft')).toEqual({ peerId: 'patient-1' });
    await waitFor(() => room.peers.length === 1);
    expect(patientTransports.every((transport) => transport.closed)).toBe(true);
    const dumpAfter = await room.router.dump();
    expect(dumpAfter.transportIds).not.toContain(patientEntry.sendTransportId);
    expect(dumpAfter.transportIds).toContain(doctorEntry.sendTransportId);

    doctor.close();
    await waitFor(() => t.sfu.rooms.size === 0, 5000, 'room removed');
    expect(room.closed).toBe(true);
    expect(room.router.closed).toBe(true);
  });

  it('creates exactly one room for 10 simultaneous connections to a new room', async () => {
    const tokens = await Promise.all(Array.from({ length: 10 }, (_, i) => mediaToken(t.keys, { room: 'rush', sub: `peer-${i}` })));
    const connected = await Promise.all(tokens.map((token) => TestPeer.connect(t.url, token)));
    t.adopt(...connected);
    // Every socket can act: its request waits for the one room.
    await Promise.all(connected.map((peer) => peer.ok('getRouterRtpCapabilities')));
    expect(t.sfu.rooms.size).toBe(1);
    expect(t.sfu.rooms.get('rush')!.peers).toHaveLength(10);
    const routerCounts = await Promise.all(t.sfu.pool.slots.map(async (slot) => (await slot.worker.dump()).routerIds.length));
    expect(routerCounts.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('spreads new rooms over the least loaded worker and keeps a room on its worker', async () => {
    await connect('room-1', 'a');
    await connect('room-2', 'b');
    await waitFor(() => t.sfu.rooms.size === 2);
    const [room1, room2] = [t.sfu.rooms.get('room-1')!, t.sfu.rooms.get('room-2')!];
    expect(room1.worker).not.toBe(room2.worker);
    await connect('room-1', 'c');
    await waitFor(() => room1.peers.length === 2);
    expect(t.sfu.rooms.size).toBe(2);
  });

  it('replaces a peer that reconnects with the same id, telling the old connection why', async () => {
    const first = await connect('room-r', 'patient-1');
    const other = await connect('room-r', 'doctor-1', 'doctor');
    await first.enter();
    await other.enter();
    const disconnected = first.waitForDisconnect();
    const second = await connect('room-r', 'patient-1');
    expect(await first.waitForEvent('roomClosed')).toEqual({ reason: 'replaced' });
    await disconnected;
    const room = t.sfu.rooms.get('room-r')!;
    await waitFor(() => room.peers.length === 2 && first.socket.disconnected);
    expect(room.closed).toBe(false);
    expect(await other.waitForEvent('peerLeft')).toEqual({ peerId: 'patient-1' });
    const { peers: seen } = await second.enter();
    expect(seen.map((p) => p.peerId)).toEqual(['doctor-1']);
    // The old socket's disconnect must not remove the new peer.
    expect(room.peers.map((p) => p.id).sort()).toEqual(['doctor-1', 'patient-1']);
  });

  it('leave removes the peer; later requests are refused', async () => {
    const a = await connect('room-l', 'a');
    const b = await connect('room-l', 'b');
    await a.enter();
    await b.enter();
    expect(await b.request('leave')).toEqual({ ok: true, data: {} });
    expect(await a.waitForEvent('peerLeft')).toEqual({ peerId: 'b' });
    const res = await b.request('createWebRtcTransport', { direction: 'send' });
    expect(res).toMatchObject({ ok: false, error: { code: 'NOT_JOINED' } });
  });
});
