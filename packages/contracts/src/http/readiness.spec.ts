import { judgeNetwork, judgeReadiness, readinessReportSchema, type NetworkFigures, type ReadinessReport } from './readiness';

const goodNetwork: NetworkFigures = {
  connected: true,
  failure: null,
  rttMs: 12,
  sendKbps: 900,
  receiveKbps: 880,
  videoReceiveKbps: 820,
  lossPct: 0,
  audioReceived: true,
  videoSent: true,
  videoReceived: true,
  durationMs: 4000,
};
const report = (patch: Partial<ReadinessReport> = {}, network: Partial<NetworkFigures> = {}): ReadinessReport => ({
  camera: 'ok',
  microphone: 'ok',
  speaker: 'heard',
  browser: 'chrome',
  inAppBrowser: false,
  ...patch,
  network: { ...goodNetwork, ...network },
});

describe('the network verdict', () => {
  it('is good when audio and video come back fast and whole', () => {
    expect(judgeNetwork(goodNetwork)).toBe('good');
  });
  it('starts in audio when video comes back too thin, late or lossy', () => {
    expect(judgeNetwork({ ...goodNetwork, videoReceiveKbps: 90 })).toBe('audio-only');
    expect(judgeNetwork({ ...goodNetwork, videoReceived: false, videoReceiveKbps: null })).toBe('audio-only');
    expect(judgeNetwork({ ...goodNetwork, rttMs: 800 })).toBe('audio-only');
    expect(judgeNetwork({ ...goodNetwork, lossPct: 12 })).toBe('audio-only');
  });
  it('an audio-only patient is not judged on video', () => {
    expect(judgeNetwork({ ...goodNetwork, videoSent: false, videoReceived: false, videoReceiveKbps: null })).toBe('good');
  });
  it('cannot connect when ICE fails, the SFU is unreachable or no audio comes back', () => {
    expect(judgeNetwork({ ...goodNetwork, connected: false, failure: 'ice-failed' })).toBe('cannot-connect');
    expect(judgeNetwork({ ...goodNetwork, audioReceived: false })).toBe('cannot-connect');
    expect(judgeNetwork({ ...goodNetwork, failure: 'timeout' })).toBe('cannot-connect');
  });
});

describe('the readiness verdict', () => {
  it('ready, in video, when everything works', () => {
    expect(judgeReadiness(report())).toEqual({ outcome: 'ready', reasons: [], network: 'good', modality: 'video' });
  });
  it('doubtful with its reasons, main one first, and audio when the camera or the network cannot carry video', () => {
    expect(judgeReadiness(report({ camera: 'denied' }))).toMatchObject({ outcome: 'doubtful', reasons: ['camera-denied'], modality: 'audio' });
    expect(judgeReadiness(report({ speaker: 'not-heard' }, { videoReceiveKbps: 40 }))).toMatchObject({
      outcome: 'doubtful',
      reasons: ['network-weak', 'speaker-not-heard'],
      modality: 'audio',
    });
    expect(judgeReadiness(report({ inAppBrowser: true, camera: 'none' })).reasons).toEqual(['in-app-browser', 'no-camera']);
  });
  it('failed without a microphone or a media path', () => {
    expect(judgeReadiness(report({ microphone: 'denied', camera: 'denied' }, { connected: false, failure: 'not-run' }))).toMatchObject({
      outcome: 'failed',
      reasons: ['mic-denied', 'camera-denied'],
    });
    expect(judgeReadiness(report({}, { connected: false, failure: 'ice-failed', audioReceived: false }))).toMatchObject({ outcome: 'failed', reasons: ['network-failed'] });
  });
  it('the report schema refuses what a browser cannot measure', () => {
    expect(readinessReportSchema.safeParse(report()).success).toBe(true);
    expect(readinessReportSchema.safeParse(report({}, { lossPct: 140 })).success).toBe(false);
    expect(readinessReportSchema.safeParse({ ...report(), extra: 1 }).success).toBe(false);
    expect(readinessReportSchema.safeParse(report({ camera: 'maybe' as never })).success).toBe(false);
  });
});
