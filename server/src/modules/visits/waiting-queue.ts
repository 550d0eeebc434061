import type { WaitingStatus } from '@visite/contracts';

export interface QueueVisit {
  id: string;
  status: string;
  scheduledAt: Date;
  waitingSince: Date | null;
  startedAt: Date | null;
}

/**
 * Place and estimated wait of every waiting patient of one doctor. Patients are seen in appointment
 * order, then arrival order. The estimate is what is left of the consultation in progress (at least
 * a minute) plus one mean consultation per patient ahead.
 */
export function waitingStatuses(
  visits: readonly QueueVisit[],
  opts: { now: Date; meanMinutes: number; doctorName: string; doctorMessage: string | null },
): Map<string, WaitingStatus> {
  const waiting = visits
    .filter((v) => v.status === 'waiting')
    .sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime() || (a.waitingSince?.getTime() ?? 0) - (b.waitingSince?.getTime() ?? 0));
  const current = visits.find((v) => v.status === 'in_progress' && v.startedAt);
  const remainingCurrent = current ? Math.max(1, opts.meanMinutes - (opts.now.getTime() - current.startedAt!.getTime()) / 60_000) : 0;
  const statuses = new Map<string, WaitingStatus>();
  waiting.forEach((v, i) => {
    statuses.set(v.id, {
      visitId: v.id,
      status: 'waiting',
      position: i + 1,
      estimatedWaitMinutes: Math.round(remainingCurrent + i * opts.meanMinutes),
      doctorName: opts.doctorName,
      doctorMessage: opts.doctorMessage,
    });
  });
  return statuses;
}
