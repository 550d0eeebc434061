/** Whole minutes elapsed since `iso` at `now` (never negative). Display goes through `useFormat()`. */
export function minutesSince(iso: string, now: number): number {
  const start = new Date(iso).getTime();
  if (Number.isNaN(start)) return 0;
  return Math.max(0, Math.floor((now - start) / 60_000));
}
