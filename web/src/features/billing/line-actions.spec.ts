import { isOpen, lineActions } from './line-actions';

describe('lineActions', () => {
  it('acknowledges warnings of a line to review only', () => {
    expect(lineActions({ state: 'to_review', batchId: null })).toEqual({ acknowledge: true, correct: true, voidable: true, reissue: false });
    expect(lineActions({ state: 'blocked', batchId: null }).acknowledge).toBe(false);
    expect(lineActions({ state: 'ready', batchId: null }).acknowledge).toBe(false);
  });

  it('corrects open lines only, voids anything not voided yet', () => {
    expect(lineActions({ state: 'exported', batchId: 'b1' })).toEqual({ acknowledge: false, correct: false, voidable: true, reissue: false });
    expect(['blocked', 'to_review', 'ready'].every((s) => isOpen(s as never))).toBe(true);
    expect(isOpen('voided')).toBe(false);
  });

  it('re-issues voided lines that had been exported', () => {
    expect(lineActions({ state: 'voided', batchId: 'b1' })).toEqual({ acknowledge: false, correct: false, voidable: false, reissue: true });
    expect(lineActions({ state: 'voided', batchId: null }).reissue).toBe(false);
  });
});
