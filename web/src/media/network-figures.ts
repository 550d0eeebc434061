import type { NetworkFigures } from '@visite/contracts';

/** Counters of one kind received back from the SFU. */
export interface InboundCounters {
  bytesReceived: number;
  packetsReceived: number;
  packetsLost: number;
}

/** What getStats() said at one moment, on the send and receive transports of the check. */
export interface TransportSample {
  atMs: number;
  bytesSent: number;
  audio: InboundCounters;
  video: InboundCounters;
  /** Round trip to the SFU in ms: the ICE candidate pair's, else RTCP's; null when unknown. */
  rttMs: number | null;
}

type Stat = Record<string, unknown> & { type: string };

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** Reads a sample from the stats of both transports (RTCStatsReport entries, as plain objects). */
export function sampleFromStats(sendStats: Iterable<Stat>, recvStats: Iterable<Stat>, atMs: number): TransportSample {
  const sample: TransportSample = {
    atMs,
    bytesSent: 0,
    audio: { bytesReceived: 0, packetsReceived: 0, packetsLost: 0 },
    video: { bytesReceived: 0, packetsReceived: 0, packetsLost: 0 },
    rttMs: null,
  };
  let pairRtt: number | null = null;
  let rtcpRtt: number | null = null;
  const pairs = (stat: Stat) => {
    if (stat.type === 'candidate-pair' && stat.state === 'succeeded' && typeof stat.currentRoundTripTime === 'number') {
      pairRtt = Math.max(pairRtt ?? 0, stat.currentRoundTripTime * 1000);
    }
  };
  for (const stat of sendStats) {
    pairs(stat);
    if (stat.type === 'outbound-rtp') sample.bytesSent += num(stat.bytesSent);
    if (stat.type === 'remote-inbound-rtp' && typeof stat.roundTripTime === 'number') rtcpRtt = Math.max(rtcpRtt ?? 0, stat.roundTripTime * 1000);
  }
  for (const stat of recvStats) {
    pairs(stat);
    if (stat.type !== 'inbound-rtp') continue;
    const kind = stat.kind === 'video' || stat.mediaType === 'video' ? 'video' : 'audio';
    sample[kind].bytesReceived += num(stat.bytesReceived);
    sample[kind].packetsReceived += num(stat.packetsReceived);
    sample[kind].packetsLost += Math.max(0, num(stat.packetsLost));
  }
  sample.rttMs = pairRtt ?? rtcpRtt;
  return sample;
}

const kbps = (bytes: number, ms: number): number => (ms > 0 ? Math.round((bytes * 8) / ms) : 0);

/** The figures of the measuring window between two samples. */
export function figuresBetween(first: TransportSample, last: TransportSample, { videoSent }: { videoSent: boolean }): Omit<NetworkFigures, 'durationMs'> {
  const ms = last.atMs - first.atMs;
  const audioBytes = last.audio.bytesReceived - first.audio.bytesReceived;
  const videoBytes = last.video.bytesReceived - first.video.bytesReceived;
  const received = last.audio.packetsReceived + last.video.packetsReceived - first.audio.packetsReceived - first.video.packetsReceived;
  const lost = last.audio.packetsLost + last.video.packetsLost - first.audio.packetsLost - first.video.packetsLost;
  return {
    connected: true,
    failure: null,
    rttMs: last.rttMs === null ? null : Math.round(last.rttMs),
    sendKbps: kbps(last.bytesSent - first.bytesSent, ms),
    receiveKbps: kbps(audioBytes + videoBytes, ms),
    videoReceiveKbps: videoSent ? kbps(videoBytes, ms) : null,
    lossPct: received + lost > 0 ? Math.round((Math.max(0, lost) / (received + lost)) * 1000) / 10 : 0,
    audioReceived: audioBytes > 0,
    videoSent,
    videoReceived: videoSent && videoBytes > 0,
  };
}

/** A sample of the check's two transports now. */
export async function readTransportStats(send: { getStats(): Promise<RTCStatsReport> }, recv: { getStats(): Promise<RTCStatsReport> }): Promise<TransportSample> {
  const [s, r] = await Promise.all([send.getStats(), recv.getStats()]);
  return sampleFromStats(s.values() as Iterable<Stat>, r.values() as Iterable<Stat>, performance.now());
}
