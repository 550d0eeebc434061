import { mergeNotes } from './merge-notes';

describe('mergeNotes', () => {
  it('takes the other side when only one side changed', () => {
    expect(mergeNotes('a', 'a', 'ab')).toEqual({ ok: true, text: 'ab' });
    expect(mergeNotes('a', 'ab', 'a')).toEqual({ ok: true, text: 'ab' });
    expect(mergeNotes('a', 'ab', 'ab')).toEqual({ ok: true, text: 'ab' });
  });

  it('applies two changes in different places', () => {
    const base = 'Motif: toux\nExamen: \nConduite: ';
    const mine = 'Motif: toux\nExamen: normal\nConduite: ';
    const theirs = 'Motif: toux sèche\nExamen: \nConduite: ';
    expect(mergeNotes(base, mine, theirs)).toEqual({ ok: true, text: 'Motif: toux sèche\nExamen: normal\nConduite: ' });
    expect(mergeNotes(base, theirs, mine)).toEqual({ ok: true, text: 'Motif: toux sèche\nExamen: normal\nConduite: ' });
  });

  it('gives up when both sides changed the same place', () => {
    expect(mergeNotes('Examen: ', 'Examen: normal', 'Examen: anormal')).toEqual({ ok: false });
    expect(mergeNotes('ab', 'aXb', 'aYb')).toEqual({ ok: false });
    expect(mergeNotes('abc', 'c', 'a')).toEqual({ ok: false });
  });
});
