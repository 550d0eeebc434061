import { waitingStatuses, QueueVisit } from './waiting-queue';

const at = (hhmm: string) => new Date(`2026-11-22T${hhmm}:00Z`);
const visit = (id: string, status: string, scheduled: string, extra: Partial<QueueVisit> = {}): QueueVisit => ({
  id, status, scheduledAt: at(scheduled), waitingSince: null, startedAt: null, ...extra,
});
const opts = { now: at('10:05'), meanMinutes: 15, doctorName: 'Dr Martin', doctorMessage: null };

describe('waitingStatuses', () => {
  it('orders by appointment, then arrival, and counts only waiting patients', () => {
    const s = waitingStatuses(
      [
        visit('late-appointment', 'waiting', '10:30', { waitingSince: at('09:50') }),
        visit('early-arrival', 'waiting', '10:00', { waitingSince: at('09:55') }),
        visit('first-arrival', 'waiting', '10:00', { waitingSince: at('09:40') }),
        visit('not-here', 'scheduled', '09:00'),
        visit('done', 'completed', '08:00'),
      ],
      opts,
    );
    expect([...s.keys()]).toEqual(['first-arrival', 'early-arrival', 'late-appointment']);
    expect(s.get('late-appointment')!.position).toBe(3);
    expect(s.has('not-here')).toBe(false);
  });

  it('estimates from the consultation in progress and the mean duration', () => {
    const s = waitingStatuses(
      [visit('current', 'in_progress', '09:45', { startedAt: at('10:00') }), visit('a', 'waiting', '10:00'), visit('b', 'waiting', '10:15')],
      opts,
    );
    expect(s.get('a')!.estimatedWaitMinutes).toBe(10);
    expect(s.get('b')!.estimatedWaitMinutes).toBe(25);
  });

  it('says "any moment" when nobody is with the doctor, and at least a minute when the current one runs over', () => {
    expect(waitingStatuses([visit('a', 'waiting', '10:00')], opts).get('a')!.estimatedWaitMinutes).toBe(0);
    const overrun = waitingStatuses([visit('c', 'in_progress', '09:00', { startedAt: at('09:00') }), visit('a', 'waiting', '10:00')], opts);
    expect(overrun.get('a')!.estimatedWaitMinutes).toBe(1);
  });
});
