import type { MediaSideSummary } from '@visite/contracts';
import { DEFAULT_LEDGER_MAX_ROOMS, DEFAULT_LEDGER_RETENTION_MS, MediaLedger, type ProducerSample } from './media-ledger';

const ZERO: MediaSideSummary = { audioPackets: 0, videoPackets: 0, audioBytes: 0, videoBytes: 0 };

function sample(producerId: string, role: ProducerSample['role'], kind: ProducerSample['kind'], packets: number, bytes = packets * 100): ProducerSample {
  return { producerId, role, kind, packets, bytes };
}

describe('MediaLedger', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => {
    now = 1_000_000;
  });

  it('answers zeros for a room never seen', () => {
    const ledger = new MediaLedger({ now: clock });
    expect(ledger.summary('nope')).toEqual({ roomId: 'nope', doctor: ZERO, patient: ZERO });
    expect(ledger.has('nope')).toBe(false);
    expect(ledger.size).toBe(0);
  });

  it('keeps the latest cumulative counters of a producer, never lowering them', () => {
    const ledger = new MediaLedger({ now: clock });
    ledger.record('r', sample('p1', 'patient', 'audio', 10, 1000));
    ledger.record('r', sample('p1', 'patient', 'audio', 25, 2500));
    expect(ledger.summary('r').patient).toEqual({ ...ZERO, audioPackets: 25, audioBytes: 2500 });
    // A late answer to an older request (or a closed producer answering 0) does not count backwards.
    ledger.record('r', sample('p1', 'patient', 'audio', 20, 2000));
    ledger.record('r', sample('p1', 'patient', 'audio', 0, 0));
    expect(ledger.summary('r').patient).toEqual({ ...ZERO, audioPackets: 25, audioBytes: 2500 });
    ledger.record('r', sample('p1', 'patient', 'audio', 30, 3000));
    expect(ledger.summary('r').patient).toEqual({ ...ZERO, audioPackets: 30, audioBytes: 3000 });
  });

  it('sums over producer ids, per side and kind (a reconnection brings new producers)', () => {
    const ledger = new MediaLedger({ now: clock });
    ledger.record('r', sample('mic-1', 'patient', 'audio', 100));
    ledger.record('r', sample('cam-1', 'patient', 'video', 300));
    ledger.record('r', sample('mic-2', 'patient', 'audio', 40));
    ledger.record('r', sample('cam-2', 'patient', 'video', 60));
    ledger.record('r', sample('doc-mic', 'doctor', 'audio', 7, 70));
    ledger.record('r', sample('doc-cam', 'doctor', 'video', 9, 90));
    ledger.record('other', sample('x', 'doctor', 'video', 1000));
    expect(ledger.summary('r')).toEqual({
      roomId: 'r',
      doctor: { audioPackets: 7, videoPackets: 9, audioBytes: 70, videoBytes: 90 },
      patient: { audioPackets: 140, videoPackets: 360, audioBytes: 14_000, videoBytes: 36_000 },
    });
  });

  it('keeps the first role and kind a producer id was recorded with', () => {
    const ledger = new MediaLedger({ now: clock });
    ledger.record('r', sample('p', 'doctor', 'video', 5));
    ledger.record('r', sample('p', 'patient', 'audio', 8));
    expect(ledger.summary('r')).toEqual({ roomId: 'r', doctor: { ...ZERO, videoPackets: 8, videoBytes: 800 }, patient: ZERO });
  });

  it('ignores counters that are not non-negative numbers', () => {
    const ledger = new MediaLedger({ now: clock });
    ledger.record('r', sample('p', 'doctor', 'audio', Number.NaN, -5));
    ledger.record('r', sample('q', 'doctor', 'audio', 2.7, Number.POSITIVE_INFINITY));
    expect(ledger.summary('r').doctor).toEqual({ ...ZERO, audioPackets: 2 });
  });

  it('forgets a room once its last sample is older than the retention', () => {
    const ledger = new MediaLedger({ now: clock, retentionMs: 1000 });
    ledger.record('old', sample('a', 'doctor', 'audio', 1));
    now += 600;
    ledger.record('recent', sample('b', 'doctor', 'audio', 2));
    now += 400;
    expect(ledger.summary('old').doctor.audioPackets).toBe(1); // exactly at the retention: still there
    now += 1;
    expect(ledger.summary('old')).toEqual({ roomId: 'old', doctor: ZERO, patient: ZERO });
    expect(ledger.has('recent')).toBe(true);
    expect(ledger.size).toBe(1);
    // Sampling keeps a long visit alive.
    for (let i = 0; i < 5; i++) {
      now += 900;
      ledger.record('recent', sample('b', 'doctor', 'audio', 3 + i));
    }
    expect(ledger.summary('recent').doctor.audioPackets).toBe(7);
  });

  it('holds at most maxRooms rooms, evicting the least recently sampled', () => {
    const ledger = new MediaLedger({ now: clock, maxRooms: 3 });
    for (const room of ['r1', 'r2', 'r3']) {
      now += 1;
      ledger.record(room, sample(`${room}-p`, 'patient', 'video', 1));
    }
    now += 1;
    ledger.record('r1', sample('r1-p', 'patient', 'video', 2)); // r1 is sampled again: r2 is now the oldest
    now += 1;
    ledger.record('r4', sample('r4-p', 'patient', 'video', 1));
    expect(ledger.size).toBe(3);
    expect(['r1', 'r2', 'r3', 'r4'].filter((room) => ledger.has(room))).toEqual(['r1', 'r3', 'r4']);
    expect(ledger.summary('r1').patient.videoPackets).toBe(2);
  });

  it('folds the least recently sampled producers of a room into its totals beyond maxProducersPerRoom', () => {
    const ledger = new MediaLedger({ now: clock, maxProducersPerRoom: 2 });
    ledger.record('r', sample('p1', 'patient', 'audio', 10));
    ledger.record('r', sample('p2', 'patient', 'video', 20));
    ledger.record('r', sample('p1', 'patient', 'audio', 11)); // p1 sampled again: p2 is the oldest
    ledger.record('r', sample('p3', 'doctor', 'video', 30));
    ledger.record('r', sample('p4', 'doctor', 'audio', 40));
    expect(ledger.summary('r')).toEqual({
      roomId: 'r',
      doctor: { audioPackets: 40, videoPackets: 30, audioBytes: 4000, videoBytes: 3000 },
      patient: { audioPackets: 11, videoPackets: 20, audioBytes: 1100, videoBytes: 2000 },
    });
  });

  it('defaults to 6 hours and 10,000 rooms', () => {
    expect(DEFAULT_LEDGER_RETENTION_MS).toBe(6 * 3600 * 1000);
    expect(DEFAULT_LEDGER_MAX_ROOMS).toBe(10_000);
    const ledger = new MediaLedger({ now: clock });
    for (let i = 0; i < DEFAULT_LEDGER_MAX_ROOMS + 5; i++) ledger.record(`room-${i}`, sample('p', 'doctor', 'audio', 1));
    expect(ledger.size).toBe(DEFAULT_LEDGER_MAX_ROOMS);
    expect(ledger.has('room-4')).toBe(false);
    expect(ledger.has('room-5')).toBe(true);
    now += DEFAULT_LEDGER_RETENTION_MS + 1;
    expect(ledger.has('room-5')).toBe(false);
    expect(ledger.size).toBe(0);
  });
});
