import type { VisitView } from '@visite/contracts';

/** Ids of visits that started waiting between two queue snapshots. */
export function newlyWaiting(previous: VisitView[] | null, next: VisitView[]): string[] {
  if (!previous) return [];
  const wasWaiting = new Set(previous.filter((v) => v.status === 'waiting').map((v) => v.id));
  return next.filter((v) => v.status === 'waiting' && !wasWaiting.has(v.id)).map((v) => v.id);
}

let audioContext: AudioContext | null = null;

/** A short two-tone chime (Web Audio: no file to load). Silent if the browser refuses to play. */
export function playChime(): void {
  try {
    audioContext ??= new AudioContext();
    const ctx = audioContext;
    void ctx.resume();
    const start = ctx.currentTime;
    [880, 660].forEach((frequency, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      const t = start + i * 0.18;
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.25, t + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.3);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t);
      osc.stop(t + 0.32);
    });
  } catch {
    // No sound available: the title still changes.
  }
}
