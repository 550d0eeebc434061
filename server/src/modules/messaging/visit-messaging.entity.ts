import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { VisitEntity } from '../visits/visit.entity';

/**
 * What messaging keeps per visit: the patient's current join token, sealed (the visits table keeps only
 * its hash, the link a reminder carries must work), and the calendar SEQUENCE of the visit's ICS.
 */
@Entity('visit_messaging')
export class VisitMessagingEntity {
  @PrimaryColumn({ name: 'visit_id', type: 'uuid' })
  visitId: string;

  @OneToOne(() => VisitEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'visit_id', foreignKeyConstraintName: 'fk_visit_messaging_visit' })
  visit?: VisitEntity;

  @Column({ name: 'join_token_sealed', type: 'text' })
  joinTokenSealed: string;

  @Column({ name: 'calendar_sequence', type: 'integer', default: 0 })
  calendarSequence: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
