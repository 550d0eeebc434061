import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { VisitEventActorType, VisitEventDetail, VisitEventKind } from '@visite/contracts';
import { BaseEntity } from '../../database/base.entity';
import { PracticeEntity } from '../practice/practice.entity';
import { VisitEntity } from '../visits/visit.entity';

/** One change of a visit: append-only (the database refuses UPDATE and DELETE). */
@Entity('visit_events')
@Index('ix_visit_events_visit', ['visitId', 'createdAt'])
@Check('ck_visit_events_actor_type', `"actor_type" IN ('user', 'patient', 'system')`)
export class VisitEventEntity extends BaseEntity {
  @Column({ name: 'practice_id', type: 'uuid' })
  practiceId: string;

  @ManyToOne(() => PracticeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'fk_visit_events_practice' })
  practice?: PracticeEntity;

  @Column({ name: 'visit_id', type: 'uuid' })
  visitId: string;

  @ManyToOne(() => VisitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'visit_id', foreignKeyConstraintName: 'fk_visit_events_visit' })
  visit?: VisitEntity;

  @Column({ type: 'varchar', length: 30 })
  kind: VisitEventKind;

  @Column({ name: 'actor_type', type: 'varchar', length: 10 })
  actorType: VisitEventActorType;

  /** A staff user's id, the patient's id, or null for the system. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'jsonb' })
  detail: VisitEventDetail;

  /** Free text (a cancellation reason, the doctor's message), encrypted with the practice's data key. */
  @Column({ name: 'note_enc', type: 'text', nullable: true })
  noteEnc: string | null;
}
