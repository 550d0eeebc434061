import type { BatchView } from '@visite/contracts';
import { defaultBatchForm, localIsoDate, mergeBatches, readBatchForm, shortHash } from './batch-form';

describe('batch form', () => {
  it('proposes the current month up to today', () => {
    expect(defaultBatchForm(new Date(2025, 5, 17, 9, 30))).toEqual({ from: '2025-06-01', to: '2025-06-17', doctorId: '' });
    expect(localIsoDate(new Date(2025, 0, 5))).toBe('2025-01-05');
  });

  it('builds the request, with the doctor only when chosen', () => {
    expect(readBatchForm({ from: '2025-06-01', to: '2025-06-30', doctorId: '' })).toEqual({ request: { from: '2025-06-01', to: '2025-06-30' } });
    expect(readBatchForm({ from: '2025-06-01', to: '2025-06-30', doctorId: 'd1' })).toEqual({ request: { from: '2025-06-01', to: '2025-06-30', doctorId: 'd1' } });
  });

  it('needs a whole period in the right order', () => {
    expect(readBatchForm({ from: '', to: '2025-06-30', doctorId: '' })).toEqual({ error: 'batches.periodMissing' });
    expect(readBatchForm({ from: '2025-07-01', to: '2025-06-30', doctorId: '' })).toEqual({ error: 'lines.periodReversed' });
  });

  it('shortens a hash for display', () => {
    const hash = 'a'.repeat(64);
    expect(shortHash(hash)).toBe(`${'a'.repeat(12)}…`);
    expect(shortHash('abc')).toBe('abc');
  });
});

describe('mergeBatches', () => {
  const batch = (id: string, number: number): BatchView => ({
    id,
    number,
    createdAt: '2025-06-03T10:00:00Z',
    createdBy: { id: 'u', displayName: 'Sophie' },
    from: '2025-06-01',
    to: '2025-06-30',
    doctorId: null,
    lineCount: 1,
    totalCents: 2500,
    contentHash: 'abc',
    formats: ['csv'],
  });

  it('keeps a batch created before the list arrived, newest first, once', () => {
    const created = batch('c', 3);
    expect(mergeBatches([created], [batch('a', 1), batch('b', 2)]).map((b) => b.id)).toEqual(['c', 'b', 'a']);
    expect(mergeBatches([batch('a', 1), batch('b', 2)], [created]).map((b) => b.id)).toEqual(['c', 'b', 'a']);
    expect(mergeBatches([created], [created, batch('a', 1)]).map((b) => b.id)).toEqual(['c', 'a']);
    expect(mergeBatches(null, [])).toEqual([]);
  });
});
