import { AudioOnlyRule, bandwidthTooLow, EMPTY_FIGURES, figuresFrom, judgeQuality, MEDIA_STALL_MS, type StatsSample } from './network-quality';

const sample = (at: number, bytesReceived: number, extra: Partial<StatsSample> = {}): StatsSample => ({
  at,
  bytesReceived,
  packetsReceived: bytesReceived / 1000,
  packetsLost: 0,
  rttMs: 40,
  availableOutgoingKbps: 2000,
  remoteFractionLost: 0,
  ...extra,
});
const noScores = { send: null, recv: null, remoteSend: null };

describe('network quality', () => {
  it('is good with a short round trip, no loss and media coming in', () => {
    const f = figuresFrom(sample(0, 0), sample(1000, 100_000), { send: 10, recv: 10, remoteSend: 10 }, true, 0);
    expect(f).toMatchObject({ rttMs: 40, lossPercent: 0, inboundKbps: 800, stalledMs: 0 });
    expect(judgeQuality(f)).toEqual({ quality: 'good', reason: null });
  });

  it('says poor (media stopped) once nothing comes in for 2 s while the other side sends, whatever else says', () => {
    let f = figuresFrom(sample(0, 5000), sample(1000, 5000), noScores, true, 0);
    expect(f.stalledMs).toBe(1000);
    expect(judgeQuality(f).quality).not.toBe('poor');
    f = figuresFrom(sample(1000, 5000), sample(2000, 5000), noScores, true, f.stalledMs);
    expect(f.stalledMs).toBe(MEDIA_STALL_MS);
    expect(judgeQuality(f)).toEqual({ quality: 'poor', reason: 'media-stopped' });
    // Bytes again: no longer stalled.
    f = figuresFrom(sample(2000, 5000), sample(3000, 9000), noScores, true, f.stalledMs);
    expect(f.stalledMs).toBe(0);
  });

  it('does not call silence a stall when nothing is expected (remote muted and camera off)', () => {
    const f = figuresFrom(sample(0, 5000), sample(5000, 5000), noScores, false, 4000);
    expect(f.stalledMs).toBe(0);
  });

  it('grades loss, round trip and the SFU scores', () => {
    const lossy = figuresFrom(sample(0, 0, { packetsReceived: 0 }), sample(1000, 100_000, { packetsReceived: 80, packetsLost: 20 }), noScores, true, 0);
    expect(lossy.lossPercent).toBe(20);
    expect(judgeQuality(lossy)).toEqual({ quality: 'poor', reason: 'high-loss' });
    expect(judgeQuality({ ...EMPTY_FIGURES, rttMs: 500 })).toEqual({ quality: 'fair', reason: 'high-rtt' });
    expect(judgeQuality({ ...EMPTY_FIGURES, rttMs: 1200 })).toEqual({ quality: 'poor', reason: 'high-rtt' });
    expect(judgeQuality({ ...EMPTY_FIGURES, sendScore: 2 })).toEqual({ quality: 'poor', reason: 'low-score' });
    expect(judgeQuality({ ...EMPTY_FIGURES, recvScore: 5 })).toEqual({ quality: 'fair', reason: 'low-score' });
    expect(judgeQuality({ ...EMPTY_FIGURES, remoteSendScore: 1, rttMs: 30 })).toEqual({ quality: 'good', reason: null });
    expect(judgeQuality(EMPTY_FIGURES)).toEqual({ quality: 'unknown', reason: null });
    // Loss reported by the SFU on what we send counts too.
    expect(figuresFrom(null, sample(0, 0, { remoteFractionLost: 0.08 }), noScores, true, 0).lossPercent).toBe(8);
  });
});

describe('audio-only rule', () => {
  it('switches only after the bandwidth stayed too low for 10 s without a break', () => {
    const rule = new AudioOnlyRule();
    const low = { ...EMPTY_FIGURES, availableOutgoingKbps: 90 };
    expect(bandwidthTooLow(low)).toBe(true);
    expect(rule.observe(true, 0)).toBe(false);
    expect(rule.observe(true, 9000)).toBe(false);
    expect(rule.observe(false, 9500)).toBe(false);
    expect(rule.observe(true, 10_000)).toBe(false);
    expect(rule.observe(true, 20_000)).toBe(true);
  });

  it('reads the bandwidth estimate only, never a stalled path', () => {
    expect(bandwidthTooLow({ ...EMPTY_FIGURES, recvScore: 2 })).toBe(false);
    expect(bandwidthTooLow({ ...EMPTY_FIGURES, availableOutgoingKbps: 50, stalledMs: 1000 })).toBe(false);
    expect(bandwidthTooLow({ ...EMPTY_FIGURES, availableOutgoingKbps: 1500 })).toBe(false);
  });
});
