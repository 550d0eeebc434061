import { Injectable } from '@nestjs/common';
import type { VisitEventActorType, VisitEventDetail, VisitEventKind, VisitEventView, VisitHistoryView } from '@visite/contracts';
import { Db } from '../../database/db';
import { AuditService } from '../audit/audit.service';
import { Keyring } from '../keys/keyring';
import { AccessService } from '../practice/access.service';
import type { Actor } from '../practice/actor';
import { VisitEventsRepository } from './visit-events.repository';

/** One change to record. */
export interface VisitChange {
  visit: { id: string; practiceId: string };
  kind: VisitEventKind;
  /** Who: a staff user, the visit's patient, or the system (a job). */
  by: { type: VisitEventActorType; id: string | null };
  /** Codes, ids, times and channels only. */
  detail?: VisitEventDetail;
  /** Free text (a reason, a message): stored encrypted with the practice's data key. */
  note?: string | null;
}

/** The actor of a change made by a signed-in staff member. */
export const byUser = (actor: Pick<Actor, 'userId'>) => ({ type: 'user' as const, id: actor.userId });
export const BY_SYSTEM = { type: 'system' as const, id: null };

/**
 * A visit's history (docs/day.md): any module that changes a visit calls `record` inside the
 * transaction of that change (like the audit trail), so the history has a line if and only if the
 * change committed. Staff read it on the visit.
 */
@Injectable()
export class VisitHistory {
  constructor(
    private readonly events: VisitEventsRepository,
    private readonly keyring: Keyring,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly db: Db,
  ) {}

  async record(change: VisitChange): Promise<void> {
    if (!this.db.inTransaction) throw new Error(`visit history "${change.kind}" written outside the transaction of its change`);
    const row = this.events.newRow({ practiceId: change.visit.practiceId, visitId: change.visit.id, kind: change.kind, actorType: change.by.type, actorId: change.by.id, detail: change.detail ?? {} });
    if (change.note) row.noteEnc = await this.keyring.encrypt(change.visit.practiceId, { table: 'visit_events', column: 'note', rowId: row.id }, change.note);
    await this.events.insert(row);
  }

  /** A visit's history as staff who may see the visit read it (the read is audited). */
  async forVisit(actor: Actor, visitId: string): Promise<VisitHistoryView> {
    const visit = await this.access.visit(actor, visitId, 'view');
    await this.audit.recordAccess({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'visit.history_viewed', visitId });
    const rows = await this.events.forVisit(visit.id);
    const events: VisitEventView[] = [];
    for (const e of rows) {
      events.push({
        id: e.id,
        at: e.createdAt.toISOString(),
        kind: e.kind,
        actor: { type: e.actorType, id: e.actorId, name: e.actorName },
        detail: e.detail,
        note: e.noteEnc ? await this.keyring.decrypt(e.practiceId, { table: 'visit_events', column: 'note', rowId: e.id }, e.noteEnc) : null,
      });
    }
    return { events };
  }
}
