import type { SaveNotesRequest, VisitNotes } from '@visite/contracts';
import { ApiError } from '../../shared/api/api-error';
import { NotesAutosave } from './notes-autosave';

/** A fake server with versions, as the API keeps them. */
function server(initial = '') {
  const stored: VisitNotes = { visitId: 'v', text: initial, version: initial ? 1 : 0, updatedAt: null, updatedBy: null };
  const saves: SaveNotesRequest[] = [];
  return {
    stored,
    saves,
    load: async () => ({ ...stored }),
    save: async (r: SaveNotesRequest) => {
      saves.push(r);
      if (r.baseVersion !== stored.version) throw new ApiError(409, 'NOTES_CONFLICT', '', { current: { ...stored } });
      stored.text = r.text;
      stored.version += 1;
      return { ...stored };
    },
  };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('NotesAutosave', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('saves once after the doctor stops typing, on the version it was typed on', async () => {
    const api = server();
    const notes = new NotesAutosave({ ...api, debounceMs: 500 });
    await notes.start();
    notes.edit('T');
    notes.edit('To');
    notes.edit('Toux');
    expect(notes.getState().status).toBe('unsaved');
    await jest.advanceTimersByTimeAsync(600);
    await settle();
    expect(api.saves).toEqual([{ text: 'Toux', baseVersion: 0 }]);
    expect(notes.getState()).toMatchObject({ status: 'saved', version: 1 });
    notes.edit('Toux sèche');
    await jest.advanceTimersByTimeAsync(600);
    expect(api.saves[1]).toEqual({ text: 'Toux sèche', baseVersion: 1 });
  });

  it('merges a stale save when the changes do not touch, and shows both when they do', async () => {
    const api = server('Motif: \nExamen: ');
    const notes = new NotesAutosave({ ...api, debounceMs: 100 });
    await notes.start();
    // Another tab saves meanwhile.
    api.stored.text = 'Motif: toux\nExamen: ';
    api.stored.version = 2;
    notes.edit('Motif: \nExamen: normal');
    await jest.advanceTimersByTimeAsync(200);
    await settle();
    expect(api.stored.text).toBe('Motif: toux\nExamen: normal');
    expect(notes.getState()).toMatchObject({ status: 'saved', version: 3 });

    api.stored.text = 'Motif: toux\nExamen: suspect';
    api.stored.version = 4;
    notes.edit('Motif: toux\nExamen: normal, RAS');
    await jest.advanceTimersByTimeAsync(200);
    await settle();
    expect(notes.getState().status).toBe('conflict');
    expect(notes.getState().theirs?.text).toBe('Motif: toux\nExamen: suspect');
    expect(api.stored.text).toBe('Motif: toux\nExamen: suspect');
    notes.keepMine();
    await jest.advanceTimersByTimeAsync(10);
    await settle();
    expect(api.stored.text).toBe('Motif: toux\nExamen: normal, RAS');
    expect(notes.getState().status).toBe('saved');
  });
});
