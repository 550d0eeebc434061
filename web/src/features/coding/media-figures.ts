import type { MediaSideSummary } from '@visite/contracts';

/** "0 B", "950 B", "1.2 kB", "34.5 MB", "1.02 GB" (decimal units, as network tools show them). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)} ${units[unit]}`;
}

/** What one side sent through the SFU: "audio 1200 packets (96.0 kB), video none". */
export function describeMediaSide(side: MediaSideSummary): string {
  const part = (kind: string, packets: number, bytes: number) =>
    packets > 0 || bytes > 0 ? `${kind} ${packets} packet${packets === 1 ? '' : 's'} (${formatBytes(bytes)})` : `${kind} none`;
  return `${part('audio', side.audioPackets, side.audioBytes)}, ${part('video', side.videoPackets, side.videoBytes)}`;
}
