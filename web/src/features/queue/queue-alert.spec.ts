import type { VisitView } from '@visite/contracts';
import { newlyWaiting } from './queue-alert';

const visit = (id: string, status: VisitView['status']) => ({ id, status }) as VisitView;

describe('newlyWaiting', () => {
  it('ignores the first snapshot', () => {
    expect(newlyWaiting(null, [visit('a', 'waiting')])).toEqual([]);
  });

  it('finds visits that became waiting', () => {
    const before = [visit('a', 'waiting'), visit('b', 'scheduled')];
    const after = [visit('a', 'waiting'), visit('b', 'waiting'), visit('c', 'waiting'), visit('d', 'in_progress')];
    expect(newlyWaiting(before, after)).toEqual(['b', 'c']);
  });
});
