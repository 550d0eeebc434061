import { judgeNetwork } from '@visite/contracts';
import { figuresBetween, sampleFromStats } from './network-figures';

const sendStats = (bytesSent: number, rtt?: number) => [
  { type: 'outbound-rtp', kind: 'audio', bytesSent: bytesSent / 10 },
  { type: 'outbound-rtp', kind: 'video', bytesSent: (bytesSent * 9) / 10 },
  { type: 'remote-inbound-rtp', roundTripTime: 0.03 },
  ...(rtt === undefined ? [] : [{ type: 'candidate-pair', state: 'succeeded', currentRoundTripTime: rtt }, { type: 'candidate-pair', state: 'failed', currentRoundTripTime: 9 }]),
];
const recvStats = (audio: number, video: number, received: number, lost: number) => [
  { type: 'inbound-rtp', kind: 'audio', bytesReceived: audio, packetsReceived: received / 2, packetsLost: lost / 2 },
  { type: 'inbound-rtp', kind: 'video', bytesReceived: video, packetsReceived: received / 2, packetsLost: lost / 2 },
  { type: 'transport', bytesReceived: 999_999 },
];

describe('network figures from getStats()', () => {
  it('takes the rates, loss and round trip of the measuring window', () => {
    const first = sampleFromStats(sendStats(100_000, 0.01), recvStats(10_000, 90_000, 200, 0), 1000);
    const last = sampleFromStats(sendStats(600_000, 0.02), recvStats(30_000, 570_000, 1200, 20), 5000);
    const figures = figuresBetween(first, last, { videoSent: true });
    expect(figures).toEqual({
      connected: true,
      failure: null,
      rttMs: 20,
      sendKbps: 1000, // 500,000 bytes in 4 s
      receiveKbps: 1000,
      videoReceiveKbps: 960,
      lossPct: 2, // 20 lost of 1,020
      audioReceived: true,
      videoSent: true,
      videoReceived: true,
    });
    expect(judgeNetwork({ ...figures, durationMs: 4000 })).toBe('good');
  });

  it('falls back to the RTCP round trip, and sees video that never came back', () => {
    const first = sampleFromStats(sendStats(0), recvStats(1000, 0, 10, 0), 0);
    const last = sampleFromStats(sendStats(400_000), recvStats(21_000, 0, 110, 0), 4000);
    const figures = figuresBetween(first, last, { videoSent: true });
    expect(figures.rttMs).toBe(30);
    expect(figures).toMatchObject({ videoReceived: false, videoReceiveKbps: 0, audioReceived: true });
    expect(judgeNetwork({ ...figures, durationMs: 4000 })).toBe('audio-only');
  });
});
