/**
 * The network quality indicator and the audio-only rule, from real figures: the browser's getStats()
 * (round-trip time, loss, bytes received, the bandwidth estimate) and mediasoup's scores (0 to 10) of
 * what each side sends to the SFU and of what the SFU sends us. Pure functions; the room client samples
 * once a second and keeps the previous sample. Thresholds are documented in docs/media.md.
 */

export type NetworkQuality = 'unknown' | 'good' | 'fair' | 'poor';
export type QualityReason = 'media-stopped' | 'high-rtt' | 'high-loss' | 'low-score' | 'low-bandwidth';

/** Counters and gauges read from one getStats() of the send and the receive transport. */
export interface StatsSample {
  at: number;
  /** Bytes received on every real inbound stream (mediasoup-client's probator, SSRC 1234, excepted). */
  bytesReceived: number;
  packetsReceived: number;
  packetsLost: number;
  /** Of the selected candidate pair (or the SFU's receiver reports), in ms; null when unknown. */
  rttMs: number | null;
  /** The sender's bandwidth estimate (Chromium's availableOutgoingBitrate), in kbit/s; null when unknown. */
  availableOutgoingKbps: number | null;
  /** Loss the SFU reports on what we send (remote-inbound-rtp fractionLost, worst stream), 0 to 1. */
  remoteFractionLost: number | null;
}

/** What the indicator shows, with the figures behind it. */
export interface NetworkFigures {
  rttMs: number | null;
  /** Loss in percent over the last sample, the worse of what we receive and what we send. */
  lossPercent: number | null;
  inboundKbps: number | null;
  availableOutgoingKbps: number | null;
  /** Worst score of our producers at the SFU (our upstream). */
  sendScore: number | null;
  /** Worst score of what the SFU sends us (our downstream), and of the other side's upstream. */
  recvScore: number | null;
  remoteSendScore: number | null;
  /** How long nothing has come in while media was expected. */
  stalledMs: number;
}

export const EMPTY_FIGURES: NetworkFigures = {
  rttMs: null,
  lossPercent: null,
  inboundKbps: null,
  availableOutgoingKbps: null,
  sendScore: null,
  recvScore: null,
  remoteSendScore: null,
  stalledMs: 0,
};

/** "poor connection" when nothing comes in for this long although the other side is sending. */
export const MEDIA_STALL_MS = 2000;
export const POOR_RTT_MS = 1000;
export const FAIR_RTT_MS = 400;
export const POOR_LOSS_PERCENT = 15;
export const FAIR_LOSS_PERCENT = 5;
export const POOR_SCORE = 3;
export const FAIR_SCORE = 6;
export const FAIR_OUTGOING_KBPS = 300;
/** Audio-only automatically when the bandwidth stays below this for AUDIO_ONLY_AFTER_MS. */
export const AUDIO_ONLY_BELOW_KBPS = 150;
export const AUDIO_ONLY_AFTER_MS = 10_000;

export interface Scores {
  send: number | null;
  recv: number | null;
  remoteSend: number | null;
}

/**
 * The figures from two consecutive samples. `expectingMedia`: some remote stream is live (not paused by
 * its sender or by us), so silence means the media path stopped.
 */
export function figuresFrom(previous: StatsSample | null, current: StatsSample, scores: Scores, expectingMedia: boolean, previousStalledMs: number): NetworkFigures {
  const elapsed = previous ? Math.max(1, current.at - previous.at) : 0;
  const receivedBytes = previous ? Math.max(0, current.bytesReceived - previous.bytesReceived) : null;
  const received = previous ? Math.max(0, current.packetsReceived - previous.packetsReceived) : 0;
  const lost = previous ? Math.max(0, current.packetsLost - previous.packetsLost) : 0;
  const inboundLoss = received + lost > 0 ? (100 * lost) / (received + lost) : null;
  const outboundLoss = current.remoteFractionLost === null ? null : 100 * current.remoteFractionLost;
  const lossPercent = inboundLoss === null && outboundLoss === null ? null : Math.max(inboundLoss ?? 0, outboundLoss ?? 0);
  let stalledMs = 0;
  if (expectingMedia && previous && receivedBytes === 0) stalledMs = previousStalledMs + elapsed;
  return {
    rttMs: current.rttMs,
    lossPercent: lossPercent === null ? null : Math.round(lossPercent * 10) / 10,
    inboundKbps: receivedBytes === null ? null : Math.round((receivedBytes * 8) / elapsed),
    availableOutgoingKbps: current.availableOutgoingKbps,
    sendScore: scores.send,
    recvScore: scores.recv,
    remoteSendScore: scores.remoteSend,
    stalledMs,
  };
}

/** The indicator's level and its main reason (the worst finding wins). */
export function judgeQuality(f: NetworkFigures): { quality: NetworkQuality; reason: QualityReason | null } {
  if (f.stalledMs >= MEDIA_STALL_MS) return { quality: 'poor', reason: 'media-stopped' };
  const ownScores = [f.sendScore, f.recvScore].filter((s): s is number => s !== null);
  if (f.rttMs !== null && f.rttMs >= POOR_RTT_MS) return { quality: 'poor', reason: 'high-rtt' };
  if (f.lossPercent !== null && f.lossPercent >= POOR_LOSS_PERCENT) return { quality: 'poor', reason: 'high-loss' };
  if (ownScores.some((s) => s <= POOR_SCORE)) return { quality: 'poor', reason: 'low-score' };
  if (f.rttMs !== null && f.rttMs >= FAIR_RTT_MS) return { quality: 'fair', reason: 'high-rtt' };
  if (f.lossPercent !== null && f.lossPercent >= FAIR_LOSS_PERCENT) return { quality: 'fair', reason: 'high-loss' };
  if (ownScores.some((s) => s <= FAIR_SCORE)) return { quality: 'fair', reason: 'low-score' };
  if (f.availableOutgoingKbps !== null && f.availableOutgoingKbps < FAIR_OUTGOING_KBPS) return { quality: 'fair', reason: 'low-bandwidth' };
  const known = f.rttMs !== null || f.lossPercent !== null || ownScores.length > 0 || f.inboundKbps !== null;
  return { quality: known ? 'good' : 'unknown', reason: null };
}

/**
 * Whether the measured bandwidth is too low for video right now: the browser's bandwidth estimate for what
 * we send (availableOutgoingBitrate) below AUDIO_ONLY_BELOW_KBPS. Scores are not bandwidth (they grade
 * loss and jitter), and a stalled path is not "low bandwidth" either (that is the ICE restart's business).
 */
export function bandwidthTooLow(f: NetworkFigures): boolean {
  if (f.stalledMs > 0) return false;
  return f.availableOutgoingKbps !== null && f.availableOutgoingKbps < AUDIO_ONLY_BELOW_KBPS;
}

/** Counts how long the bandwidth has stayed too low; says when to switch to audio only. */
export class AudioOnlyRule {
  #lowSince: number | null = null;

  /** Feeds one sample; true once the bandwidth has been too low for `afterMs` without a break. */
  observe(tooLow: boolean, now: number, afterMs = AUDIO_ONLY_AFTER_MS): boolean {
    if (!tooLow) {
      this.#lowSince = null;
      return false;
    }
    this.#lowSince ??= now;
    return now - this.#lowSince >= afterMs;
  }

  reset(): void {
    this.#lowSince = null;
  }
}

type StatsEntry = Record<string, unknown> & { type: string; id: string };

/** Reads what the indicator needs from the receive and the send transport's getStats() reports. */
export function sampleFromReports(recv: RTCStatsReport | null, send: RTCStatsReport | null, at: number): StatsSample {
  let bytesReceived = 0;
  let packetsReceived = 0;
  let packetsLost = 0;
  let rttMs: number | null = null;
  let availableOutgoingKbps: number | null = null;
  let remoteFractionLost: number | null = null;
  let remoteRttMs: number | null = null;

  const each = (report: RTCStatsReport | null, fn: (s: StatsEntry) => void) => report?.forEach((s: StatsEntry) => fn(s));
  each(recv, (s) => {
    if (s.type === 'inbound-rtp' && s.ssrc !== 1234) {
      bytesReceived += num(s.bytesReceived);
      packetsReceived += num(s.packetsReceived);
      packetsLost += Math.max(0, num(s.packetsLost));
    }
  });
  const pairRtt = selectedPair(recv)?.currentRoundTripTime ?? selectedPair(send)?.currentRoundTripTime;
  if (typeof pairRtt === 'number') rttMs = Math.round(pairRtt * 1000);
  const sendPair = selectedPair(send);
  if (sendPair && typeof sendPair.availableOutgoingBitrate === 'number') availableOutgoingKbps = Math.round(sendPair.availableOutgoingBitrate / 1000);
  each(send, (s) => {
    if (s.type !== 'remote-inbound-rtp') return;
    if (typeof s.fractionLost === 'number') remoteFractionLost = Math.max(remoteFractionLost ?? 0, s.fractionLost);
    if (typeof s.roundTripTime === 'number') remoteRttMs = Math.max(remoteRttMs ?? 0, Math.round(s.roundTripTime * 1000));
  });
  // Firefox gives no round-trip time on the candidate pair: the SFU's receiver reports have it.
  return { at, bytesReceived, packetsReceived, packetsLost, rttMs: rttMs ?? remoteRttMs, availableOutgoingKbps, remoteFractionLost };
}

/** The candidate pair in use: the transport's selectedCandidatePairId (Chromium) or `selected` (Firefox). */
export function selectedPair(report: RTCStatsReport | null): (StatsEntry & { currentRoundTripTime?: number; availableOutgoingBitrate?: number }) | null {
  if (!report) return null;
  let pairId: string | null = null;
  let found: StatsEntry | null = null;
  report.forEach((s: StatsEntry) => {
    if (s.type === 'transport' && typeof s.selectedCandidatePairId === 'string') pairId = s.selectedCandidatePairId;
  });
  report.forEach((s: StatsEntry) => {
    if (s.type !== 'candidate-pair') return;
    if (pairId ? s.id === pairId : s.selected === true || (s.nominated === true && s.state === 'succeeded')) found ??= s;
  });
  return found;
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
