import { z } from 'zod';
import { idParams } from '../input/primitives';
import { defineRoute } from './route';

/** Longest notes a visit keeps (characters). */
export const NOTES_MAX_LENGTH = 20_000;

/**
 * What the doctor types, kept exactly (not trimmed: autosave sends the text while it is being typed,
 * trailing spaces and line breaks included). Control characters other than tabs and line breaks are refused.
 */
export const notesTextSchema = z
  .string()
  .max(NOTES_MAX_LENGTH, { message: `must be at most ${NOTES_MAX_LENGTH} characters` })
  .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), { message: 'must not contain control characters' });

/**
 * PUT /api/visits/:id/notes: the whole text, and the version it was typed on (0 before the first save).
 * A write on an older version than the stored one is refused with 409 `NOTES_CONFLICT`, whose `detail`
 * is `{ current: VisitNotes }` (the text someone else saved), so nothing is overwritten silently.
 */
export const saveNotesSchema = z.strictObject({
  text: notesTextSchema,
  baseVersion: z.number().int().min(0).max(1_000_000_000),
});
export type SaveNotesRequest = z.input<typeof saveNotesSchema>;

/** A visit's clinical notes, as their readers (the practice's doctors) see them. */
export interface VisitNotes {
  visitId: string;
  text: string;
  /** 0: never saved; each save adds one. */
  version: number;
  updatedAt: string | null;
  updatedBy: { id: string; displayName: string } | null;
}

/** `detail` of a 409 NOTES_CONFLICT. */
export interface NotesConflictDetail {
  current: VisitNotes;
}

export const notesRoutes = {
  get: defineRoute<VisitNotes>()({ method: 'GET', path: '/api/visits/:id/notes', params: idParams, access: 'staff' }),
  save: defineRoute<VisitNotes>()({ method: 'PUT', path: '/api/visits/:id/notes', params: idParams, body: saveNotesSchema, access: 'staff' }),
} as const;
