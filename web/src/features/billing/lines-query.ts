import { BILLING_LINE_STATES, type BillingLinesPage, type BillingLinesQueryParams, type BillingLineState, type BillingLineView } from '@visite/contracts';

/** The filters of the lines list, as typed (empty = any). */
export interface LinesFilter {
  from: string;
  to: string;
  doctorId: string;
  state: BillingLineState | '';
}

export const EMPTY_FILTER: LinesFilter = { from: '', to: '', doctorId: '', state: '' };
export const PAGE_SIZE = 50;

/** The query of GET /api/billing/lines (its route's schema), without empty filters. */
export function linesQuery(filter: LinesFilter, cursor?: string | null, limit = PAGE_SIZE): BillingLinesQueryParams {
  return {
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    ...(filter.doctorId ? { doctorId: filter.doctorId } : {}),
    ...(filter.state ? { state: filter.state } : {}),
    ...(cursor ? { cursor } : {}),
    limit: String(limit),
  };
}

/** A problem with the period, or null. */
/** The `billing` catalogue key of the period's problem, or null. */
export function periodError(from: string, to: string): 'lines.periodReversed' | null {
  if (from && to && from > to) return 'lines.periodReversed';
  return null;
}

export function emptyCounts(): Record<BillingLineState, number> {
  return Object.fromEntries(BILLING_LINE_STATES.map((state) => [state, 0])) as Record<BillingLineState, number>;
}

/** Appends the next page ("Load more"), without showing a line twice. */
export function appendPage(current: BillingLinesPage, next: BillingLinesPage): BillingLinesPage {
  const known = new Set(current.lines.map((l) => l.id));
  return { lines: [...current.lines, ...next.lines.filter((l) => !known.has(l.id))], nextCursor: next.nextCursor, counts: next.counts };
}

/**
 * Puts lines the server answered after an action in the list: replaced in place, new ones (a re-issued
 * line) first; the counts by state follow.
 */
export function applyLines(page: BillingLinesPage, updated: readonly BillingLineView[]): BillingLinesPage {
  const counts = { ...page.counts };
  let lines = page.lines;
  const added: BillingLineView[] = [];
  for (const line of updated) {
    const index = lines.findIndex((l) => l.id === line.id);
    if (index === -1) {
      added.push(line);
      counts[line.state] += 1;
      continue;
    }
    const previous = lines[index];
    if (previous.state !== line.state) {
      counts[previous.state] = Math.max(0, counts[previous.state] - 1);
      counts[line.state] += 1;
    }
    lines = [...lines.slice(0, index), line, ...lines.slice(index + 1)];
  }
  return { ...page, lines: [...added, ...lines], counts };
}
