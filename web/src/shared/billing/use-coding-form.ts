import { useMemo, useState } from 'react';
import { evaluateLine } from '@visite/billing';
import type { BillingLineView, LineCoding } from '@visite/contracts';
import { initialCodingForm, readCodingForm, sameCoding, type CodingSetting } from './coding-form-state';
import { evaluateLive, resultsToShow, type LineBase } from './live-evaluation';

/**
 * State of a coding form with its live rule results. `setting` and `base` must be memoised by the caller;
 * remount (key) to start again from another line.
 */
export function useCodingForm({ setting, base, existing, saved }: { setting: CodingSetting; base: LineBase; existing: LineCoding | null; saved: BillingLineView | null }) {
  const [state, setState] = useState(() => initialCodingForm(setting, existing));
  const read = useMemo(() => readCodingForm(state, setting), [state, setting]);
  const live = useMemo(() => evaluateLive(base, read.coding, evaluateLine), [base, read.coding]);
  const shown = useMemo(() => resultsToShow(saved, read.coding, base.patient, live), [saved, read.coding, base.patient, live]);
  const dirty = !saved || !sameCoding(saved.input.coding, read.coding);
  return { state, setState, read, shown, dirty };
}
