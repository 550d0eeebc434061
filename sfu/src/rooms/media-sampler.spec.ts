import { Logger } from '../logging/logger';
import { MediaLedger } from './media-ledger';
import { MediaSampler } from './media-sampler';
import type { Peer, PeerProducer } from './peer';
import type { Room } from './room';

type Stat = { packetCount: number; byteCount: number };

function producer(id: string, kind: 'audio' | 'video', getStats: () => Promise<Stat[]>, closed = false): PeerProducer {
  return { id, kind, closed, getStats: jest.fn(getStats) } as unknown as PeerProducer;
}

function peer(role: 'doctor' | 'patient', producers: PeerProducer[]): Peer {
  return { role, producers } as unknown as Peer;
}

/** Unit test (stub producers): what the sampler records, ignores and waits for. */
describe('MediaSampler (unit)', () => {
  const logger = new Logger('silent');

  it('records the sum of a producer streams (simulcast) per producer, and ignores failed samples', async () => {
    const ledger = new MediaLedger();
    const sampler = new MediaSampler(ledger, logger);
    const cam = producer('cam', 'video', async () => [
      { packetCount: 10, byteCount: 1000 },
      { packetCount: 5, byteCount: 400 },
    ]);
    const gone = producer('gone', 'audio', () => Promise.reject(new Error('Producer not found')));
    const closed = producer('closed', 'audio', async () => [{ packetCount: 99, byteCount: 99 }], true);
    await sampler.samplePeer('r', peer('doctor', [cam, gone, closed]));
    expect(ledger.summary('r').doctor).toEqual({ audioPackets: 0, videoPackets: 15, audioBytes: 0, videoBytes: 1400 });
    expect(closed.getStats).not.toHaveBeenCalled();
  });

  it('sends the request at once (before the caller closes the producer) and lets settled() wait for the answer', async () => {
    const ledger = new MediaLedger();
    const sampler = new MediaSampler(ledger, logger);
    let answer!: (stats: Stat[]) => void;
    const mic = producer('mic', 'audio', () => new Promise((resolve) => (answer = resolve)));
    void sampler.sampleProducer('r', 'patient', mic);
    expect(mic.getStats).toHaveBeenCalledTimes(1);
    const settled = sampler.settled('r');
    answer([{ packetCount: 3, byteCount: 300 }]);
    await settled;
    expect(ledger.summary('r').patient.audioPackets).toBe(3);
  });

  it('does not wait longer than the timeout for a worker that never answers', async () => {
    const sampler = new MediaSampler(new MediaLedger(), logger);
    void sampler.sampleProducer('r', 'patient', producer('stuck', 'audio', () => new Promise(() => undefined)));
    const started = Date.now();
    await sampler.settled('r', 50);
    expect(Date.now() - started).toBeLessThan(1000);
    await sampler.settled('other'); // nothing pending: returns at once
  });

  it('samples every open room on one unref-ed timer until stopped', async () => {
    const ledger = new MediaLedger();
    const sampler = new MediaSampler(ledger, logger);
    let packets = 0;
    const mic = producer('mic', 'audio', async () => [{ packetCount: ++packets, byteCount: packets * 10 }]);
    const rooms = [
      { id: 'open', closed: false, peers: [peer('patient', [mic])] },
      { id: 'closed', closed: true, peers: [peer('patient', [producer('x', 'audio', async () => [{ packetCount: 1, byteCount: 1 }])])] },
    ] as unknown as Room[];
    const setInterval = jest.spyOn(global, 'setInterval');
    try {
      sampler.start(20, () => rooms);
      sampler.start(20, () => rooms); // a second start keeps the one timer
      expect(setInterval).toHaveBeenCalledTimes(1);
      const timer = setInterval.mock.results[0]!.value as NodeJS.Timeout;
      expect(timer.hasRef()).toBe(false);
    } finally {
      setInterval.mockRestore();
    }
    expect(sampler.running).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 120));
    sampler.stop();
    expect(sampler.running).toBe(false);
    const sampled = ledger.summary('open').patient.audioPackets;
    expect(sampled).toBeGreaterThanOrEqual(2);
    expect(ledger.has('closed')).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(ledger.summary('open').patient.audioPackets).toBe(sampled);
  });
});
