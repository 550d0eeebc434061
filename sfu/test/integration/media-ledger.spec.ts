import type { MediaSideSummary, RoomMediaSummary } from '@visite/contracts';
import { RtpSource } from '../support/rtp-source';
import type { TestPeer } from '../support/test-peer';
import { useTestSfu, waitFor, type TestSfuFixture } from '../support/test-sfu';
import { controlToken, generateTestKeys, mediaToken } from '../support/tokens';

const ZERO: MediaSideSummary = { audioPackets: 0, videoPackets: 0, audioBytes: 0, videoBytes: 0 };
const RTP_HEADER_BYTES = 12;

type Role = 'doctor' | 'patient';

/** Peers that send real RTP (see RtpSource), and the close-room control request. */
function mediaRoom(t: TestSfuFixture) {
  const sources: RtpSource[] = [];
  afterEach(() => {
    for (const source of sources.splice(0)) source.close();
  });
  return {
    /** A peer of `room` with role `role` (its id is the role), joined, sending `kinds`. */
    async join(room: string, role: Role, kinds: ('audio' | 'video')[], sub: string = role): Promise<{ peer: TestPeer; media: RtpSource; producerIds: string[] }> {
      const peer = await t.connect(room, sub, { role, name: sub });
      await peer.enter();
      const media = await RtpSource.open(t.sfu, room, sub, peer);
      sources.push(media);
      const producerIds: string[] = [];
      for (const kind of kinds) producerIds.push(await media.send(kind));
      return { peer, media, producerIds };
    },
    async close(room: string, token?: string | null): Promise<Response> {
      const bearer = token === undefined ? await controlToken(t.keys, { room, action: 'close-room' }) : token;
      return fetch(`${t.url}/control/rooms/${encodeURIComponent(room)}/close`, {
        method: 'POST',
        headers: bearer === null ? {} : { authorization: `Bearer ${bearer}` },
      });
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function expectCarried(side: MediaSideSummary, kinds: { audio: boolean; video: boolean }): void {
  for (const kind of ['audio', 'video'] as const) {
    const packets = side[`${kind}Packets`];
    const bytes = side[`${kind}Bytes`];
    if (kinds[kind]) {
      expect(packets).toBeGreaterThan(0);
      expect(bytes).toBeGreaterThan(packets * RTP_HEADER_BYTES);
    } else {
      expect(packets).toBe(0);
      expect(bytes).toBe(0);
    }
  }
}

/** What the SFU received cannot exceed what was sent. */
function expectAtMostSent(side: MediaSideSummary, media: RtpSource[]): void {
  for (const kind of ['audio', 'video'] as const) {
    const sent = media.reduce((sum, m) => ({ packets: sum.packets + m.sent(kind).packets, bytes: sum.bytes + m.sent(kind).bytes }), { packets: 0, bytes: 0 });
    expect(side[`${kind}Packets`]).toBeLessThanOrEqual(sent.packets);
    expect(side[`${kind}Bytes`]).toBeLessThanOrEqual(sent.bytes);
  }
}

describe('media ledger: what a room carried, answered by the close-room control request', () => {
  const t = useTestSfu({ SFU_MEDIA_SAMPLE_INTERVAL_MS: '200' });
  const room = mediaRoom(t);
  const ledgerSaw = (roomId: string, check: (summary: RoomMediaSummary) => boolean) =>
    waitFor(() => check(t.sfu.media.summary(roomId)), 8000, `the ledger of ${roomId}`);

  it('returns the audio and video packets and bytes each side sent', async () => {
    const doctor = await room.join('bill-av', 'doctor', ['audio', 'video']);
    const patient = await room.join('bill-av', 'patient', ['audio', 'video']);
    await ledgerSaw('bill-av', (s) => s.doctor.audioPackets > 0 && s.doctor.videoPackets > 0 && s.patient.audioPackets > 0 && s.patient.videoPackets > 0);
    await sleep(500);
    const closing = patient.peer.waitForEvent('roomClosed');

    const res = await room.close('bill-av');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const summary = (await res.json()) as RoomMediaSummary;
    expect(Object.keys(summary).sort()).toEqual(['doctor', 'patient', 'roomId']);
    expect(summary.roomId).toBe('bill-av');
    expectCarried(summary.doctor, { audio: true, video: true });
    expectCarried(summary.patient, { audio: true, video: true });
    expectAtMostSent(summary.doctor, [doctor.media]);
    expectAtMostSent(summary.patient, [patient.media]);
    expect(await closing).toEqual({ reason: 'visit-ended' });
    expect(t.sfu.rooms.get('bill-av')).toBeUndefined();
  });

  it('counts no video for a patient who sent audio only', async () => {
    await room.join('bill-audio', 'doctor', ['audio', 'video']);
    const patient = await room.join('bill-audio', 'patient', ['audio']);
    await ledgerSaw('bill-audio', (s) => s.doctor.videoPackets > 0 && s.patient.audioPackets > 0);
    await sleep(300);

    const res = await room.close('bill-audio');
    expect(res.status).toBe(200);
    const summary = (await res.json()) as RoomMediaSummary;
    expectCarried(summary.patient, { audio: true, video: false });
    expectCarried(summary.doctor, { audio: true, video: true });
    expectAtMostSent(summary.patient, [patient.media]);
  });

  it('keeps the packets of a connection that dropped when the peer reconnects with new producers', async () => {
    await room.join('bill-reco', 'doctor', ['audio', 'video']);
    const first = await room.join('bill-reco', 'patient', ['audio', 'video']);
    await ledgerSaw('bill-reco', (s) => s.patient.audioPackets > 20 && s.patient.videoPackets > 10);
    const seen = t.sfu.media.summary('bill-reco').patient;

    first.peer.close();
    await waitFor(() => t.sfu.rooms.get('bill-reco')?.peers.length === 1, 3000, 'the patient gone');
    first.media.close();
    const second = await room.join('bill-reco', 'patient', ['audio', 'video']);
    expect(second.producerIds.some((id) => first.producerIds.includes(id))).toBe(false);

    // What the new producers alone received: the answer must add the first connection's on top.
    const received = async () => {
      const own = { audio: 0, video: 0 };
      const live = t.sfu.rooms.get('bill-reco')!.peers.find((p) => p.id === 'patient')!.producers;
      for (const producer of live) own[producer.kind] += (await producer.getStats()).reduce((sum, s) => sum + s.packetCount, 0);
      return own;
    };
    const deadline = Date.now() + 5000;
    for (let own = await received(); own.audio < 10 || own.video < 5; own = await received()) {
      if (Date.now() > deadline) throw new Error(`the new producers received too little: ${JSON.stringify(own)}`);
      await sleep(50);
    }
    second.media.stop();
    await sleep(300);
    const own = await received();

    const res = await room.close('bill-reco');
    expect(res.status).toBe(200);
    const { patient } = (await res.json()) as RoomMediaSummary;
    expect(patient.audioPackets).toBeGreaterThanOrEqual(seen.audioPackets + own.audio);
    expect(patient.videoPackets).toBeGreaterThanOrEqual(seen.videoPackets + own.video);
    expect(patient.audioBytes).toBeGreaterThan(seen.audioBytes);
    expectAtMostSent(patient, [first.media, second.media]);
  });

  it('answers after the last peer left, the same when closed twice, and zeros for a room never seen', async () => {
    const doctor = await room.join('bill-gone', 'doctor', ['audio', 'video']);
    const patient = await room.join('bill-gone', 'patient', ['audio']);
    await ledgerSaw('bill-gone', (s) => s.doctor.videoPackets > 0 && s.patient.audioPackets > 0);
    doctor.media.stop();
    patient.media.stop();
    await sleep(300);
    doctor.peer.close();
    patient.peer.close();
    await waitFor(() => t.sfu.rooms.get('bill-gone') === undefined, 5000, 'the empty room closed');

    const first = await room.close('bill-gone');
    expect(first.status).toBe(200);
    const summary = (await first.json()) as RoomMediaSummary;
    expectCarried(summary.doctor, { audio: true, video: true });
    expectCarried(summary.patient, { audio: true, video: false });
    expectAtMostSent(summary.doctor, [doctor.media]);

    const again = await room.close('bill-gone');
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(summary);

    const never = await room.close('never-opened');
    expect(never.status).toBe(200);
    expect(await never.json()).toEqual({ roomId: 'never-opened', doctor: ZERO, patient: ZERO });
  });

  it('still refuses a close without a valid control token for that room and action, and keeps the room open', async () => {
    const patient = await room.join('bill-auth', 'patient', ['audio']);
    await ledgerSaw('bill-auth', (s) => s.patient.audioPackets > 0);

    const missing = await room.close('bill-auth', null);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ code: 'INVALID_TOKEN' });
    const mediaInstead = await room.close('bill-auth', await mediaToken(t.keys, { room: 'bill-auth' }));
    expect(mediaInstead.status).toBe(401);
    const foreignKey = await room.close('bill-auth', await controlToken(await generateTestKeys(), { room: 'bill-auth', action: 'close-room' }));
    expect(foreignKey.status).toBe(401);
    const otherRoom = await room.close('bill-auth', await controlToken(t.keys, { room: 'bill-other', action: 'close-room' }));
    expect(otherRoom.status).toBe(403);
    expect(await otherRoom.json()).toMatchObject({ code: 'FORBIDDEN' });
    const wrongAction = await room.close('bill-auth', await controlToken(t.keys, { room: 'bill-auth', action: 'room-stats' }));
    expect(wrongAction.status).toBe(403);
    expect(await wrongAction.json()).toMatchObject({ code: 'FORBIDDEN' });

    expect(t.sfu.rooms.get('bill-auth')?.closed).toBe(false);
    expect(patient.peer.socket.connected).toBe(true);
    const ok = await room.close('bill-auth');
    expect(ok.status).toBe(200);
    expectCarried(((await ok.json()) as RoomMediaSummary).patient, { audio: true, video: false });
  });

  it('keeps the last sample of a room whose worker died', async () => {
    await room.join('bill-dies', 'doctor', ['video']);
    await room.join('bill-dies', 'patient', ['audio', 'video']);
    await ledgerSaw('bill-dies', (s) => s.doctor.videoPackets > 0 && s.patient.audioPackets > 0 && s.patient.videoPackets > 0);
    const seen = t.sfu.media.summary('bill-dies');
    const doomed = t.sfu.rooms.get('bill-dies')!;
    process.kill(doomed.worker.pid, 'SIGKILL');
    await waitFor(() => doomed.closed, 5000, 'the room closed with its worker');

    const res = await room.close('bill-dies');
    expect(res.status).toBe(200);
    const summary = (await res.json()) as RoomMediaSummary;
    expect(summary.patient.audioPackets).toBeGreaterThanOrEqual(seen.patient.audioPackets);
    expect(summary.patient.videoPackets).toBeGreaterThanOrEqual(seen.patient.videoPackets);
    expect(summary.doctor.videoPackets).toBeGreaterThanOrEqual(seen.doctor.videoPackets);
    expectCarried(summary.doctor, { audio: false, video: true });
    await waitFor(() => t.sfu.pool.allAlive, 5000, 'replacement worker');
  });
});

describe('media ledger: last samples as producers close (periodic sampling out of the way)', () => {
  const t = useTestSfu({ SFU_MEDIA_SAMPLE_INTERVAL_MS: '60000' });
  const room = mediaRoom(t);
  const sent = (media: RtpSource): MediaSideSummary => ({
    audioPackets: media.sent('audio').packets,
    videoPackets: media.sent('video').packets,
    audioBytes: media.sent('audio').bytes,
    videoBytes: media.sent('video').bytes,
  });

  it('samples every producer as the control request closes the room: exactly what was sent', async () => {
    const doctor = await room.join('final-close', 'doctor', ['audio', 'video']);
    const patient = await room.join('final-close', 'patient', ['audio', 'video']);
    await sleep(1000);
    doctor.media.stop();
    patient.media.stop();
    await sleep(300);
    expect(t.sfu.media.has('final-close')).toBe(false);

    const res = await room.close('final-close');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ roomId: 'final-close', doctor: sent(doctor.media), patient: sent(patient.media) });
  });

  it('samples a producer closed on request and the producers of a peer that leaves', async () => {
    await room.join('final-leave', 'doctor', ['audio']);
    const patient = await room.join('final-leave', 'patient', ['audio', 'video']);
    await sleep(800);
    patient.media.stop();
    await sleep(300);
    await patient.peer.ok('closeProducer', { producerId: patient.producerIds[1] });
    expect(await patient.peer.request('leave')).toEqual({ ok: true, data: {} });
    await waitFor(() => t.sfu.rooms.get('final-leave')?.peers.length === 1, 3000, 'the patient gone');

    const res = await room.close('final-leave');
    expect(res.status).toBe(200);
    expect(((await res.json()) as RoomMediaSummary).patient).toEqual(sent(patient.media));
  });
});
