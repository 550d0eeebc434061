import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db';
import type { AuditActorType, AuditEventEntity } from './audit-event.entity';
import { AuditRepository } from './audit.repository';

export interface AuditRecord {
  actorType: AuditActorType;
  actorId: string | null;
  action: string;
  /** The practice whose data the event is about. */
  practiceId?: string | null;
  visitId?: string | null;
  /**
   * Ids, codes and field names only: never a patient's name, date of birth, contact or NIR
   * (the trail is not encrypted, and it must not become a copy of the directory).
   */
  detail?: Record<string, unknown>;
}

/**
 * The audit trail: every access to or change of a visit's data is recorded.
 * - `record`: the row of a change, written in the same transaction as the change (a service calls it
 *   inside `db.transaction(...)`), so a change is never stored without its row, nor a row without it.
 * - `recordAccess`: the row of a read or an attempt that changes nothing (a viewed visit, an export
 *   downloaded, a failed login), written on its own.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly events: AuditRepository,
    private readonly db: Db,
  ) {}

  record(event: AuditRecord): Promise<void> {
    if (!this.db.inTransaction) throw new Error(`audit row "${event.action}" written outside the transaction of its change`);
    return this.insert(event);
  }

  recordAccess(event: AuditRecord): Promise<void> {
    return this.insert(event);
  }

  forVisit(visitId: string): Promise<AuditEventEntity[]> {
    return this.events.forVisit(visitId);
  }

  private insert(event: AuditRecord): Promise<void> {
    return this.events.insert({
      actorType: event.actorType,
      actorId: event.actorId,
      action: event.action,
      practiceId: event.practiceId ?? null,
      visitId: event.visitId ?? null,
      detail: event.detail ?? {},
    });
  }
}
