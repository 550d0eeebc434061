import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../database/base.entity';
import { VisitEntity } from '../visits/visit.entity';

/** A patient's recorded consent to a teleconsultation: which text version, when, from where. */
@Entity('consents')
export class ConsentEntity extends BaseEntity {
  @Index('ix_consents_visit_id')
  @Column({ name: 'visit_id', type: 'uuid' })
  visitId: string;

  @ManyToOne(() => VisitEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'visit_id', foreignKeyConstraintName: 'fk_consents_visit' })
  visit: VisitEntity;

  @Column({ type: 'varchar', length: 20 })
  version: string;

  @Column({ type: 'boolean' })
  accepted: boolean;

  @Column({ name: 'user_agent', type: 'varchar', length: 500, nullable: true })
  userAgent: string | null;
}
