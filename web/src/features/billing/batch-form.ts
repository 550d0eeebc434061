import type { BatchView, CreateBatchRequest } from '@visite/contracts';
import { periodError } from './lines-query';

export interface BatchForm {
  from: string;
  to: string;
  doctorId: string;
}

/** "2025-06-03" in the browser's time zone (the practice's day). */
export function localIsoDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** By default, the current month up to today. */
export function defaultBatchForm(today: Date): BatchForm {
  return { from: localIsoDate(new Date(today.getFullYear(), today.getMonth(), 1)), to: localIsoDate(today), doctorId: '' };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `error` is a key of the `billing` catalogue. */
export function readBatchForm(form: BatchForm): { request: CreateBatchRequest } | { error: 'batches.periodMissing' | 'lines.periodReversed' } {
  if (!ISO_DATE.test(form.from) || !ISO_DATE.test(form.to)) return { error: 'batches.periodMissing' };
  const problem = periodError(form.from, form.to);
  if (problem) return { error: problem };
  return { request: { from: form.from, to: form.to, ...(form.doctorId ? { doctorId: form.doctorId } : {}) } };
}

/** The first characters of a content hash, for a table (the full hash goes in the title). */
export function shortHash(hash: string, length = 12): string {
  return hash.length > length ? `${hash.slice(0, length)}…` : hash;
}

/**
 * The batches to list: those loaded and those created meanwhile (the list may arrive after a creation),
 * once each, newest first.
 */
export function mergeBatches(current: readonly BatchView[] | null, incoming: readonly BatchView[]): BatchView[] {
  const byId = new Map<string, BatchView>();
  for (const batch of [...(current ?? []), ...incoming]) byId.set(batch.id, batch);
  return [...byId.values()].sort((a, b) => b.number - a.number);
}
