import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
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

/** The audit trail: every access to or change of a visit's data is recorded. */
@Injectable()
export class AuditService {
  constructor(private readonly events: AuditRepository) {}

  /** With `manager`, the row is written in that transaction (with the change it records). */
  record(event: AuditRecord, manager?: EntityManager): Promise<void> {
    return this.events.insert(
      { actorType: event.actorType, actorId: event.actorId, action: event.action, practiceId: event.practiceId ?? null, visitId: event.visitId ?? null, detail: event.detail ?? {} },
      manager,
    );
  }

  forVisit(visitId: string): Promise<AuditEventEntity[]> {
    return this.events.forVisit(visitId);
  }
}
