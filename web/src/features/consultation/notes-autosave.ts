import type { NotesConflictDetail, SaveNotesRequest, VisitNotes } from '@visite/contracts';
import { errorCode } from '../../shared/api/api-error';
import { mergeNotes } from './merge-notes';

export type NotesStatus = 'loading' | 'saved' | 'unsaved' | 'saving' | 'error' | 'conflict' | 'load-failed';

export interface NotesState {
  text: string;
  status: NotesStatus;
  /** Version of the last text known to be on the server. */
  version: number;
  savedAt: string | null;
  /** When a stale save could not be merged: what the other page saved. */
  theirs: VisitNotes | null;
  error: unknown;
}

export interface NotesAutosaveOptions {
  load: () => Promise<VisitNotes>;
  save: (request: SaveNotesRequest) => Promise<VisitNotes>;
  /** Quiet time after the last keystroke before saving. */
  debounceMs?: number;
  /** Delay before retrying a failed save (network). */
  retryMs?: number;
}

/**
 * Autosave of the doctor's notes, framework-free: the text is saved `debounceMs` after the last change,
 * one save at a time, each on the version it was typed on. A stale save (409 NOTES_CONFLICT, another tab
 * saved) is merged when the two changes do not touch each other, else the page shows both texts and
 * the doctor chooses. A failed save is retried.
 */
export class NotesAutosave {
  private state: NotesState = { text: '', status: 'loading', version: 0, savedAt: null, theirs: null, error: null };
  private readonly listeners = new Set<() => void>();
  private readonly debounceMs: number;
  private readonly retryMs: number;
  /** The text at `version` on the server: the base of a merge. */
  private base = '';
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly options: NotesAutosaveOptions) {
    this.debounceMs = options.debounceMs ?? 800;
    this.retryMs = options.retryMs ?? 3000;
  }

  getState = (): NotesState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  async start(): Promise<void> {
    try {
      const notes = await this.options.load();
      if (this.closed) return;
      this.base = notes.text;
      this.set({ text: notes.text, version: notes.version, savedAt: notes.updatedAt, status: 'saved', error: null });
    } catch (error) {
      this.set({ status: 'load-failed', error });
    }
  }

  /** The doctor typed: save after a quiet moment. */
  edit(text: string): void {
    if (this.state.status === 'loading' || this.state.status === 'load-failed') return;
    this.set({ text, status: this.state.status === 'conflict' ? 'conflict' : 'unsaved' });
    if (this.state.status !== 'conflict') this.schedule(this.debounceMs);
  }

  /** After a conflict: keep this page's text (saved over the other version). */
  keepMine(): void {
    const theirs = this.state.theirs;
    if (!theirs) return;
    this.base = theirs.text;
    this.set({ version: theirs.version, theirs: null, status: 'unsaved' });
    this.schedule(0);
  }

  /** After a conflict: take the other version and drop this page's changes. */
  useTheirs(): void {
    const theirs = this.state.theirs;
    if (!theirs) return;
    this.base = theirs.text;
    this.set({ text: theirs.text, version: theirs.version, savedAt: theirs.updatedAt, theirs: null, status: 'saved' });
  }

  /** Saves now what is not saved yet (leaving the page). */
  flush(): Promise<void> {
    if (this.state.status === 'unsaved' || this.state.status === 'error') {
      this.clearTimer();
      return this.saveNow();
    }
    return this.inFlight ?? Promise.resolve();
  }

  close(): void {
    this.closed = true;
    this.clearTimer();
    this.listeners.clear();
  }

  private schedule(delay: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.saveNow();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async saveNow(): Promise<void> {
    if (this.inFlight) {
      // One save at a time: the next one starts when this one is answered.
      await this.inFlight;
      if (this.state.status === 'unsaved') return this.saveNow();
      return;
    }
    if (this.closed || this.state.text === this.base) {
      if (this.state.status === 'unsaved') this.set({ status: 'saved' });
      return;
    }
    const text = this.state.text;
    const baseVersion = this.state.version;
    this.set({ status: 'saving' });
    this.inFlight = this.options
      .save({ text, baseVersion })
      .then((saved) => {
        this.base = saved.text;
        const changedSince = this.state.text !== text;
        this.set({ version: saved.version, savedAt: saved.updatedAt, status: changedSince ? 'unsaved' : 'saved', error: null });
        if (changedSince) this.schedule(this.debounceMs);
      })
      .catch((error: unknown) => this.onSaveFailed(error))
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  private onSaveFailed(error: unknown): void {
    if (this.closed) return;
    if (errorCode(error) === 'NOTES_CONFLICT') {
      const current = ((error as { detail?: unknown }).detail as NotesConflictDetail | undefined)?.current;
      if (!current) return this.set({ status: 'error', error });
      const merged = mergeNotes(this.base, this.state.text, current.text);
      if (merged.ok) {
        this.base = current.text;
        this.set({ text: merged.text, version: current.version, status: 'unsaved', error: null });
        this.schedule(0);
      } else {
        this.set({ status: 'conflict', theirs: current, error: null });
      }
      return;
    }
    const status = (error as { status?: unknown }).status;
    this.set({ status: 'error', error });
    // A refused input will be refused again; a network failure or a 5xx is retried.
    if (typeof status !== 'number' || status === 0 || status >= 500) this.schedule(this.retryMs);
  }

  private set(patch: Partial<NotesState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of [...this.listeners]) listener();
  }
}
