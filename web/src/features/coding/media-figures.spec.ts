import { describeMediaSide, formatBytes } from './media-figures';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatBytes', () => {
  it.each([
    [0, '0 byte', '0 o'],
    [950, '950 byte', '950 o'],
    [1200, '1.20 kB', '1,20 ko'],
    [34_500_000, '34.5 MB', '34,5 Mo'],
    [250_000_000, '250 MB', '250 Mo'],
    [1_020_000_000, '1.02 GB', '1,02 Go'],
  ])('%d -> %s / %s', (bytes, en, fr) => {
    expect(plain(formatBytes(bytes, 'en'))).toBe(en);
    expect(plain(formatBytes(bytes, 'fr'))).toBe(fr);
  });

  it('gives nothing for impossible sizes', () => {
    expect(formatBytes(-1, 'en')).toBe('');
    expect(formatBytes(Number.NaN, 'fr')).toBe('');
  });
});

describe('describeMediaSide', () => {
  it('says what each kind of media carried, and "none" when nothing', () => {
    expect(plain(describeMediaSide({ audioPackets: 1200, audioBytes: 96_000, videoPackets: 0, videoBytes: 0 }, 'en'))).toBe('audio 1200 packets (96.0 kB), video none');
    expect(plain(describeMediaSide({ audioPackets: 1, audioBytes: 80, videoPackets: 30_000, videoBytes: 34_500_000 }, 'en'))).toBe('audio 1 packet (80 byte), video 30000 packets (34.5 MB)');
    expect(plain(describeMediaSide({ audioPackets: 1, audioBytes: 80, videoPackets: 0, videoBytes: 0 }, 'fr'))).toBe('audio 1 paquet (80 o), vidéo aucune');
  });
});
