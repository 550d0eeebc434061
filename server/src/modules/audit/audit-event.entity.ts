import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type AuditActorType = 'user' | 'patient' | 'system';

/**
 * Append-only, hash-chained trail of who did what to which data (access to health data must be
 * traceable). A trigger refuses UPDATE, DELETE and TRUNCATE; each row is chained to the previous row of
 * its practice's chain (docs/audit.md). Rows are written only by AuditService.
 */
@Entity('audit_events')
@Index('ix_audit_events_visit', ['visitId', 'createdAt'])
@Index('ix_audit_events_practice', ['practiceId', 'createdAt'])
@Index('ux_audit_events_chain_seq', ['chain', 'seq'], { unique: true })
@Check('CHK_audit_events_chain', `"chain" = COALESCE("practice_id"::text, 'install')`)
export class AuditEventEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Set by AuditService (milliseconds), so the hash covers exactly what is stored. */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'actor_type', type: 'varchar', length: 10 })
  actorType: AuditActorType;

  @Column({ name: 'actor_id', type: 'varchar', length: 100, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 60 })
  action: string;

  /** The practice whose data the event is about (null for events outside any practice, such as a failed login). */
  @Column({ name: 'practice_id', type: 'uuid', nullable: true })
  practiceId: string | null;

  @Column({ name: 'visit_id', type: 'uuid', nullable: true })
  visitId: string | null;

  /**
   * Ids, codes and field names. Reads of health data list what was read under `patientIds`,
   * `visitIds`, `lineIds` (searchable).
   */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail: Record<string, unknown>;

  /** The practice id, or `install` for events outside any practice: one chain each. */
  @Column({ type: 'varchar', length: 40 })
  chain: string;

  /** 1, 2, 3... within the chain, without gaps. */
  @Column({ type: 'bigint' })
  seq: string;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
