import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../database/base.entity';

export type AuditActorType = 'user' | 'patient' | 'system';

/** Append-only trail of who did what to which visit (access to health data must be traceable). */
@Entity('audit_events')
@Index('ix_audit_events_visit', ['visitId', 'createdAt'])
@Index('ix_audit_events_practice', ['practiceId', 'createdAt'])
export class AuditEventEntity extends BaseEntity {
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

  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail: Record<string, unknown>;
}
