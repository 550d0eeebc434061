import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { Db } from '../../database/db';
import { ReportDeliveryEntity } from './report-delivery.entity';
import { VisitReportEntity } from './visit-report.entity';

/** Queries on visit reports and their deliveries (every one scoped by practice). */
@Injectable()
export class ReportsRepository {
  constructor(private readonly db: Db) {}

  private get reports() {
    return this.db.repo(VisitReportEntity);
  }

  private get deliveries() {
    return this.db.repo(ReportDeliveryEntity);
  }

  /** Every version of a visit's report, newest first. */
  versions(practiceId: string, visitId: string): Promise<VisitReportEntity[]> {
    return this.reports.find({ where: { practiceId, visitId }, relations: { author: true }, order: { version: 'DESC' } });
  }

  /** The newest version of each of these visits' reports. */
  async latestOf(practiceId: string, visitIds: string[]): Promise<Map<string, VisitReportEntity>> {
    if (!visitIds.length) return new Map();
    const rows = await this.reports.find({ where: { practiceId, visitId: In(visitIds) }, order: { version: 'DESC' } });
    const out = new Map<string, VisitReportEntity>();
    for (const r of rows) if (!out.has(r.visitId)) out.set(r.visitId, r);
    return out;
  }

  draft(practiceId: string, visitId: string): Promise<VisitReportEntity | null> {
    return this.reports.findOne({ where: { practiceId, visitId, signedAt: IsNull() } });
  }

  insert(row: Partial<VisitReportEntity>): Promise<VisitReportEntity> {
    return this.reports.save(this.reports.create(row));
  }

  /** Saves a draft over the revision the writer read; false when it moved on (or was signed). */
  async saveDraft(id: string, revision: number, patch: Pick<VisitReportEntity, 'contentEnc' | 'destinations'>): Promise<boolean> {
    const res = await this.reports
      .createQueryBuilder()
      .update()
      .set({ ...patch, revision: () => 'revision + 1', updatedAt: () => 'now()' })
      .where('id = :id AND revision = :revision AND signed_at IS NULL', { id, revision })
      .execute();
    return (res.affected ?? 0) === 1;
  }

  /** Signs a draft of this revision (the row is immutable afterwards); false if it moved on. */
  async sign(id: string, revision: number, patch: Pick<VisitReportEntity, 'signedAt' | 'pdfEnc' | 'pdfSha256' | 'cdaEnc' | 'snapshotEnc'>): Promise<boolean> {
    const res = await this.reports
      .createQueryBuilder()
      .update()
      .set({ ...patch, updatedAt: () => 'now()' })
      .where('id = :id AND revision = :revision AND signed_at IS NULL', { id, revision })
      .execute();
    return (res.affected ?? 0) === 1;
  }

  deliveriesOf(reportIds: string[]): Promise<ReportDeliveryEntity[]> {
    if (!reportIds.length) return Promise.resolve([]);
    return this.deliveries.find({ where: { reportId: In(reportIds) }, order: { createdAt: 'ASC' } });
  }

  delivery(reportId: string, destination: ReportDeliveryEntity['destination']): Promise<ReportDeliveryEntity | null> {
    return this.deliveries.findOneBy({ reportId, destination });
  }

  insertDelivery(row: Partial<ReportDeliveryEntity>): Promise<ReportDeliveryEntity> {
    return this.deliveries.save(this.deliveries.create(row));
  }

  async updateDelivery(id: string, patch: Partial<Pick<ReportDeliveryEntity, 'state' | 'error' | 'sentAt' | 'messageId' | 'recipientEnc'>>, countAttempt: boolean): Promise<void> {
    await this.deliveries
      .createQueryBuilder()
      .update()
      .set({ ...patch, updatedAt: () => 'now()', ...(countAttempt ? { attempts: () => 'attempts + 1' } : {}) })
      .where('id = :id', { id })
      .execute();
  }

  /** Claims a delivery for a send (pending or failed → pending); false when another send holds it. */
  async claimDelivery(id: string): Promise<boolean> {
    const res = await this.deliveries
      .createQueryBuilder()
      .update()
      .set({ state: 'pending', updatedAt: () => 'now()' })
      .where(`id = :id AND (state <> 'pending' OR updated_at < now() - interval '2 minutes' OR attempts = 0)`, { id })
      .execute();
    return (res.affected ?? 0) === 1;
  }
}
