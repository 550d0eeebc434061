import { useEffect, useState, useSyncExternalStore } from 'react';
import { notesApi } from './notes-api';
import { NotesAutosave, type NotesState } from './notes-autosave';

/** The visit's notes, autosaved on the server; saves what is pending when the page is left. */
export function useNotes(visitId: string): { notes: NotesAutosave; state: NotesState } {
  const [notes] = useState(() => new NotesAutosave({ load: () => notesApi.get(visitId), save: (r) => notesApi.save(visitId, r) }));
  useEffect(() => {
    void notes.start();
    const onHide = () => void notes.flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void notes.flush().finally(() => notes.close());
    };
  }, [notes]);
  const state = useSyncExternalStore(notes.subscribe, notes.getState);
  return { notes, state };
}
