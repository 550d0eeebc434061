import type { MediaSideSummary } from '@visite/contracts';
import { formatNumber, t, type Language } from '@visite/i18n';

const UNITS = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** "950 byte", "1.20 kB", "34.5 MB" / "34,5 Mo" (decimal units, as network tools show them). */
export function formatBytes(bytes: number, language: Language): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1000) return formatNumber(language, Math.round(bytes), { style: 'unit', unit: 'byte', unitDisplay: 'short' });
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return formatNumber(language, value, { style: 'unit', unit: UNITS[unit], unitDisplay: 'short', minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** What one side sent through the SFU: "audio 1200 packets (96.0 kB), video none". */
export function describeMediaSide(side: MediaSideSummary, language: Language): string {
  const part = (kind: 'audio' | 'video', packets: number, bytes: number) =>
    packets > 0 || bytes > 0
      ? t(language, `coding:media.${kind}`, { packets: t(language, 'coding:media.packets', { count: packets }), bytes: formatBytes(bytes, language) })
      : t(language, `coding:media.${kind}None`);
  return t(language, 'coding:media.side', { audio: part('audio', side.audioPackets, side.audioBytes), video: part('video', side.videoPackets, side.videoBytes) });
}
