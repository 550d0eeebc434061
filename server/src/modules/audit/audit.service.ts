import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db';
import { canonicalTimestamp, chainOf, hashRow, normalizeDetail } from './audit-chain';
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
 * The audit trail: every access to or change of a visit's data is recorded, append-only and
 * hash-chained per practice (docs/audit.md).
 * - `record`: the row of a change, written in the same transaction as the change (a service calls it
 *   inside `db.transaction(...)`, last), so a change is never stored without its row, nor a row without it.
 * - `recordAccess`: the row of a read or an attempt that changes nothing (a viewed visit, an export
 *   downloaded, a failed login), written on its own (or in the transaction in progress).
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly events: AuditRepository,
    private readonly db: Db,
  ) {}

  record(event: AuditRecord): Promise<void> {
    if (!this.db.inTransaction) throw new Error(`audit row "${event.action}" written outside the transaction of its change`);
    return this.append(event);
  }

  recordAccess(event: AuditRecord): Promise<void> {
    return this.db.transaction(() => this.append(event));
  }

  forVisit(visitId: string): Promise<AuditEventEntity[]> {
    return this.events.forVisit(visitId);
  }

  /**
   * Appends one row to its practice's chain. The chain's head stays locked until the transaction ends,
   * so a change's transaction should record its row last (after its other writes).
   */
  private async append(event: AuditRecord): Promise<void> {
    const practiceId = event.practiceId ?? null;
    const chain = chainOf(practiceId);
    const detail = normalizeDetail(event.detail);
    const head = await this.events.lockHead(chain);
    const createdAt = new Date();
    const row = {
      id: randomUUID(),
      chain,
      seq: head.seq + 1,
      createdAt,
      practiceId,
      actorType: event.actorType,
      actorId: event.actorId,
      action: event.action,
      visitId: event.visitId ?? null,
      detail,
      prevHash: head.hash,
    };
    const hash = hashRow({ ...row, createdAt: canonicalTimestamp(createdAt) });
    await this.events.append({ ...row, hash });
  }
}
