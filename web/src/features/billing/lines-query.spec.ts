import { lineView } from '../../shared/billing/billing-fixtures';
import { billingRoutes, parseRouteInput } from '@visite/contracts';
import { routeUrl } from '../../shared/api/api-client';
import { appendPage, applyLines, EMPTY_FILTER, emptyCounts, linesQuery, periodError } from './lines-query';

describe('linesQuery', () => {
  it('leaves out empty filters', () => {
    expect(linesQuery(EMPTY_FILTER)).toEqual({ limit: '50' });
  });

  it('writes every filter, the cursor and the page size, which the route accepts', () => {
    const query = linesQuery({ from: '2025-06-01', to: '2025-06-30', doctorId: '7d1f0c1e-0000-4000-8000-000000000000', state: 'to_review' }, 'abc+/=', 20);
    expect(query).toEqual({ from: '2025-06-01', to: '2025-06-30', doctorId: '7d1f0c1e-0000-4000-8000-000000000000', state: 'to_review', cursor: 'abc+/=', limit: '20' });
    expect(parseRouteInput(billingRoutes.lines, { query }).ok).toBe(true);
    expect(routeUrl(billingRoutes.lines, { query })).toBe(
      '/api/billing/lines?from=2025-06-01&to=2025-06-30&doctorId=7d1f0c1e-0000-4000-8000-000000000000&state=to_review&cursor=abc%2B%2F%3D&limit=20',
    );
  });

  it('is refused by the route when a filter is not what the server takes', () => {
    expect(parseRouteInput(billingRoutes.lines, { query: linesQuery({ ...EMPTY_FILTER, from: '2025-06-31' }) }).ok).toBe(false);
    expect(parseRouteInput(billingRoutes.lines, { query: linesQuery({ ...EMPTY_FILTER, doctorId: 'd 1' }) }).ok).toBe(false);
  });
});

describe('periodError', () => {
  it('refuses a period that ends before it starts', () => {
    expect(periodError('2025-06-02', '2025-06-01')).toBe('lines.periodReversed');
    expect(periodError('2025-06-01', '2025-06-01')).toBeNull();
    expect(periodError('', '2025-06-01')).toBeNull();
  });
});

describe('pages of lines', () => {
  const counts = { ...emptyCounts(), ready: 1, to_review: 1 };
  const page = { lines: [lineView({ id: 'a', state: 'ready' }), lineView({ id: 'b', state: 'to_review' })], nextCursor: 'next', counts };

  it('starts with every state at zero', () => {
    expect(emptyCounts()).toEqual({ blocked: 0, to_review: 0, ready: 0, exported: 0, voided: 0 });
  });

  it('appends the next page without duplicates and takes its cursor', () => {
    const next = { lines: [lineView({ id: 'b' }), lineView({ id: 'c' })], nextCursor: null, counts };
    const merged = appendPage(page, next);
    expect(merged.lines.map((l) => l.id)).toEqual(['a', 'b', 'c']);
    expect(merged.nextCursor).toBeNull();
  });

  it('replaces an updated line in place and moves its count', () => {
    const updated = applyLines(page, [lineView({ id: 'b', state: 'ready' })]);
    expect(updated.lines.map((l) => [l.id, l.state])).toEqual([
      ['a', 'ready'],
      ['b', 'ready'],
    ]);
    expect(updated.counts).toMatchObject({ ready: 2, to_review: 0 });
    expect(page.counts.ready).toBe(1);
  });

  it('puts a new (re-issued) line first and counts it', () => {
    const updated = applyLines(page, [lineView({ id: 'a', state: 'voided' }), lineView({ id: 'n', state: 'blocked' })]);
    expect(updated.lines.map((l) => l.id)).toEqual(['n', 'a', 'b']);
    expect(updated.counts).toMatchObject({ ready: 0, voided: 1, blocked: 1, to_review: 1 });
  });
});
