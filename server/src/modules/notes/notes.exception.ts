import type { NotesConflictDetail } from '@visite/contracts';
import { DomainException, DomainErrorKind } from '../../common/errors/domain.exception';

export enum NotesExceptionCode {
  NOTES_CONFLICT = 'NOTES_CONFLICT',
}

const DEFINITIONS: Record<NotesExceptionCode, [DomainErrorKind, string]> = {
  [NotesExceptionCode.NOTES_CONFLICT]: ['conflict', 'These notes were changed elsewhere since you opened them: compare with the saved text before saving again.'],
};

export class NotesException extends DomainException<NotesExceptionCode> {
  constructor(code: NotesExceptionCode, detail?: NotesConflictDetail) {
    super(code, DEFINITIONS[code][0], DEFINITIONS[code][1]);
    if (detail) this.detail = detail as unknown as Record<string, unknown>;
  }
}
