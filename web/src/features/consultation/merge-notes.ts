/**
 * Three-way merge of notes for a stale autosave: `base` is the text both sides started from, `mine` what
 * this page typed since, `theirs` what another page saved meanwhile. Each side's change is taken as one
 * replaced region (common prefix and suffix with the base); when the two regions do not overlap both are
 * applied, else the merge gives up and the page shows both versions.
 */
export type MergeResult = { ok: true; text: string } | { ok: false };

function changedRegion(base: string, changed: string): { start: number; end: number; insert: string } {
  let start = 0;
  const max = Math.min(base.length, changed.length);
  while (start < max && base[start] === changed[start]) start += 1;
  let tail = 0;
  while (tail < max - start && base[base.length - 1 - tail] === changed[changed.length - 1 - tail]) tail += 1;
  return { start, end: base.length - tail, insert: changed.slice(start, changed.length - tail) };
}

export function mergeNotes(base: string, mine: string, theirs: string): MergeResult {
  if (mine === base || mine === theirs) return { ok: true, text: theirs };
  if (theirs === base) return { ok: true, text: mine };
  const a = changedRegion(base, mine);
  const b = changedRegion(base, theirs);
  // Changes that overlap or touch each other are a real conflict: the doctor decides.
  if (a.end < b.start) return { ok: true, text: base.slice(0, a.start) + a.insert + base.slice(a.end, b.start) + b.insert + base.slice(b.end) };
  if (b.end < a.start) return { ok: true, text: base.slice(0, b.start) + b.insert + base.slice(b.end, a.start) + a.insert + base.slice(a.end) };
  return { ok: false };
}
