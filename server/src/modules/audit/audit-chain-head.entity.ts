import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last row of each audit chain. Appends lock it (SELECT ... FOR UPDATE), so concurrent writers on
 * any API node never fork a chain; the insert trigger of audit_events advances it and nothing else may
 * change it (docs/audit.md).
 */
@Entity('audit_chain_heads')
export class AuditChainHeadEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  chain: string;

  @Column({ type: 'bigint' })
  seq: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
