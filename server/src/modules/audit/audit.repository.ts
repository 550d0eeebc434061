import { Injectable } from '@nestjs/common';
import { Repository } from 'typeorm';
import { Db } from '../../database/db';
import { GENESIS_HASH } from './audit-chain';
import { AuditEventEntity } from './audit-event.entity';

export interface ChainHead {
  seq: number;
  hash: string;
}

export type NewAuditRow = Omit<AuditEventEntity, 'seq'> & { seq: number };

@Injectable()
export class AuditRepository {
  constructor(private readonly db: Db) {}

  private get repo(): Repository<AuditEventEntity> {
    return this.db.repo(AuditEventEntity);
  }

  /**
   * Locks the head of a chain until the transaction ends (creating it, empty, the first time) and
   * returns it. Every append of the chain waits here, on any node, so rows follow one another.
   */
  async lockHead(chain: string): Promise<ChainHead> {
    const select = () => this.db.manager.query(`SELECT "seq", "hash" FROM "audit_chain_heads" WHERE "chain" = $1 FOR UPDATE`, [chain]) as Promise<{ seq: string; hash: string }[]>;
    let rows = await select();
    if (!rows.length) {
      await this.db.manager.query(`INSERT INTO "audit_chain_heads" ("chain", "seq", "hash") VALUES ($1, 0, $2) ON CONFLICT ("chain") DO NOTHING`, [chain, GENESIS_HASH]);
      rows = await select();
    }
    return { seq: Number(rows[0]!.seq), hash: rows[0]!.hash };
  }

  /** Appends a row after the head locked by lockHead (the insert trigger checks it and moves the head). */
  async append(row: NewAuditRow): Promise<void> {
    await this.db.manager.query(
      `INSERT INTO "audit_events" ("id", "created_at", "actor_type", "actor_id", "action", "practice_id", "visit_id", "detail", "chain", "seq", "prev_hash", "hash")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [row.id, row.createdAt, row.actorType, row.actorId, row.action, row.practiceId, row.visitId, JSON.stringify(row.detail), row.chain, row.seq, row.prevHash, row.hash],
    );
  }

  forVisit(visitId: string): Promise<AuditEventEntity[]> {
    return this.repo.find({ where: { visitId }, order: { createdAt: 'ASC', seq: 'ASC' } });
  }
}
