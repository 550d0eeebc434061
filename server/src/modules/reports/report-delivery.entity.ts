import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { DeliveryState, ReportDestination } from '@visite/contracts';
import { BaseEntity } from '../../database/base.entity';
import { PracticeEntity } from '../practice/practice.entity';
import { VisitReportEntity } from './visit-report.entity';

/** Where a signed version went (one row per destination), its outcome and attempts. `recipient` is encrypted. */
@Entity('report_deliveries')
@Index('uq_report_deliveries_destination', ['reportId', 'destination'], { unique: true })
export class ReportDeliveryEntity extends BaseEntity {
  @Column({ name: 'practice_id', type: 'uuid' })
  practiceId: string;

  @ManyToOne(() => PracticeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'fk_report_deliveries_practice' })
  practice?: PracticeEntity;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @ManyToOne(() => VisitReportEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_report_deliveries_report' })
  report?: VisitReportEntity;

  @Column({ type: 'varchar', length: 10 })
  destination: ReportDestination;

  @Column({ type: 'varchar', length: 20 })
  state: DeliveryState;

  @Column({ name: 'recipient', type: 'text', nullable: true })
  recipientEnc: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'message_id', type: 'varchar', length: 200, nullable: true })
  messageId: string | null;
}
