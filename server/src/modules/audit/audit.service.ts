import { Injectable } from '@nestjs/common';
import type { AuditActorType, AuditEventEntity } from './audit-event.entity';
import { AuditRepository } from './audit.repository';

export interface AuditRecord {
  actorType: AuditActorType;
  actorId: string | null;
  action: string;
  visitId?: string | null;
  detail?: Record<string, unknown>;
}

/** The audit trail: every access to or change of a visit's data is recorded. */
@Injectable()
export class AuditService {
  constructor(private readonly events: AuditRepository) {}

  record(event: AuditRecord): Promise<void> {
    return this.events.insert({ actorType: event.actorType, actorId: event.actorId, action: event.action, visitId: event.visitId ?? null, detail: event.detail ?? {} });
  }

  forVisit(visitId: string): Promise<AuditEventEntity[]> {
    return this.events.forVisit(visitId);
  }
}
