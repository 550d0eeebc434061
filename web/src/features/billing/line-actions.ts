import type { BillingLineState, BillingLineView } from '@visite/contracts';

const OPEN_STATES: readonly BillingLineState[] = ['blocked', 'to_review', 'ready'];

/** Whether the line can still be corrected (not exported, not voided). */
export function isOpen(state: BillingLineState): boolean {
  return OPEN_STATES.includes(state);
}

/** What billing staff may do with a line in its state. */
export function lineActions(line: Pick<BillingLineView, 'state' | 'batchId'>): { acknowledge: boolean; correct: boolean; voidable: boolean; reissue: boolean } {
  return {
    acknowledge: line.state === 'to_review',
    correct: isOpen(line.state),
    voidable: line.state !== 'voided',
    reissue: line.state === 'voided' && line.batchId !== null,
  };
}
