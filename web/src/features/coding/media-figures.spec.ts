import { describeMediaSide, formatBytes } from './media-figures';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [950, '950 B'],
    [1200, '1.20 kB'],
    [34_500_000, '34.5 MB'],
    [250_000_000, '250 MB'],
    [1_020_000_000, '1.02 GB'],
  ])('%d -> %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('gives nothing for impossible sizes', () => {
    expect(formatBytes(-1)).toBe('');
    expect(formatBytes(Number.NaN)).toBe('');
  });
});

describe('describeMediaSide', () => {
  it('says what each kind of media carried, and "none" when nothing', () => {
    expect(describeMediaSide({ audioPackets: 1200, audioBytes: 96_000, videoPackets: 0, videoBytes: 0 })).toBe('audio 1200 packets (96.0 kB), video none');
    expect(describeMediaSide({ audioPackets: 1, audioBytes: 80, videoPackets: 30_000, videoBytes: 34_500_000 })).toBe('audio 1 packet (80 B), video 30000 packets (34.5 MB)');
  });
});
