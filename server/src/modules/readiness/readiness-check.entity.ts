import type { ReadinessOutcome, ReadinessReason, ReadinessReport } from '@visite/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../database/base.entity';
import { PracticeEntity } from '../practice/practice.entity';
import { VisitEntity } from '../visits/visit.entity';

/**
 * One pre-call check a patient ran from their link: the verdict, its reasons, the figures that decided it
 * and when. Every run is kept (a later one supersedes it for display); figures are not health data.
 */
@Entity('readiness_checks')
@Index('ix_readiness_checks_visit', ['visitId', 'createdAt'])
@Check('ck_readiness_checks_outcome', `"outcome" IN ('ready', 'doubtful', 'failed')`)
@Check('ck_readiness_checks_modality', `"modality" IN ('video', 'audio')`)
export class ReadinessCheckEntity extends BaseEntity {
  @Column({ name: 'practice_id', type: 'uuid' })
  practiceId: string;

  @ManyToOne(() => PracticeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'fk_readiness_checks_practice' })
  practice?: PracticeEntity;

  @Column({ name: 'visit_id', type: 'uuid' })
  visitId: string;

  @ManyToOne(() => VisitEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'visit_id', foreignKeyConstraintName: 'fk_readiness_checks_visit' })
  visit?: VisitEntity;

  @Column({ type: 'varchar', length: 10 })
  outcome: ReadinessOutcome;

  @Column({ type: 'jsonb' })
  reasons: ReadinessReason[];

  @Column({ type: 'varchar', length: 5 })
  modality: 'video' | 'audio';

  @Column({ name: 'rtt_ms', type: 'real', nullable: true })
  rttMs: number | null;

  @Column({ name: 'receive_kbps', type: 'real', nullable: true })
  receiveKbps: number | null;

  @Column({ name: 'loss_pct', type: 'real', nullable: true })
  lossPct: number | null;

  /** The whole report as the browser sent it (devices, speaker, every network figure). */
  @Column({ type: 'jsonb' })
  report: ReadinessReport;

  @Column({ type: 'varchar', length: 40 })
  browser: string;

  @Column({ name: 'user_agent', type: 'varchar', length: 500, nullable: true })
  userAgent: string | null;
}
