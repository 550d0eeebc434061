import { Injectable } from '@nestjs/common';
import type { SaveNotesRequest, VisitNotes } from '@visite/contracts';
import { Db } from '../../database/db';
import { AuditService } from '../audit/audit.service';
import { Keyring, type FieldPlace } from '../keys/keyring';
import { AccessService } from '../practice/access.service';
import type { Actor } from '../practice/actor';
import type { VisitEntity } from '../visits/visit.entity';
import { NotesException, NotesExceptionCode } from './notes.exception';
import { NotesRepository, type StoredNotes } from './notes.repository';

const place = (visitId: string): FieldPlace => ({ table: 'visit_notes', column: 'body', rowId: visitId });

/**
 * The doctor's notes of a visit, saved as they type (docs/call.md):
 * - written by the visit's doctor only (during the visit and after it), each save on the version it was
 *   typed on; a stale save is refused with the current text (409 NOTES_CONFLICT), never merged blindly;
 * - read by the practice's doctors (clinical staff); never by assistants, billing, admins or guests;
 * - encrypted at rest with the practice's data key; every save and every read is in the audit trail.
 */
@Injectable()
export class NotesService {
  constructor(
    private readonly notes: NotesRepository,
    private readonly keyring: Keyring,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly db: Db,
  ) {}

  async read(actor: Actor, visitId: string): Promise<VisitNotes> {
    const visit = await this.access.visit(actor, visitId, 'clinical');
    const notes = await this.view(visit);
    await this.audit.recordAccess({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'notes.viewed', visitId, detail: { version: notes.version } });
    return notes;
  }

  async save(actor: Actor, visitId: string, request: SaveNotesRequest): Promise<VisitNotes> {
    const visit = await this.access.visit(actor, visitId, 'call');
    const bodyEnc = await this.keyring.encrypt(visit.practiceId, place(visit.id), request.text);
    const saved = await this.db.transaction(async () => {
      const done = await this.notes.saveIfVersion({ visitId: visit.id, practiceId: visit.practiceId, bodyEnc, updatedBy: actor.userId }, request.baseVersion);
      if (done) {
        await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'notes.saved', visitId, detail: { version: request.baseVersion + 1, length: request.text.length } });
      }
      return done;
    });
    const current = await this.view(visit);
    if (!saved) throw new NotesException(NotesExceptionCode.NOTES_CONFLICT, { current });
    return current;
  }

  /**
   * The notes' text for another module that has already checked access to the visit (the visit report
   * prefills from it); '' when none were written.
   */
  async textOf(visit: Pick<VisitEntity, 'id' | 'practiceId'>): Promise<string> {
    const stored = await this.notes.find(visit.id);
    return stored ? this.keyring.decrypt(visit.practiceId, place(visit.id), stored.bodyEnc) : '';
  }

  private async view(visit: Pick<VisitEntity, 'id' | 'practiceId'>): Promise<VisitNotes> {
    const stored: StoredNotes | null = await this.notes.find(visit.id);
    if (!stored) return { visitId: visit.id, text: '', version: 0, updatedAt: null, updatedBy: null };
    return {
      visitId: visit.id,
      text: await this.keyring.decrypt(visit.practiceId, place(visit.id), stored.bodyEnc),
      version: stored.version,
      updatedAt: stored.updatedAt.toISOString(),
      updatedBy: { id: stored.updatedBy, displayName: stored.updatedByName ?? '' },
    };
  }
}
