import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { BatchView, CreateBatchRequest, ExportFormat } from '@visite/contracts';
import { Db } from '../../database/db';
import { AuditService } from '../audit/audit.service';
import { AccessService } from '../practice/access.service';
import type { Actor } from '../practice/actor';
import { BillingException, BillingExceptionCode } from './billing.exception';
import { BillingBatchesRepository } from './billing-batches.repository';
import { BillingLinesRepository } from './billing-lines.repository';
import { toBatchView } from './billing-view';
import { contentHashOf, verifyingPages } from './export/canonical-line';
import type { ExportBatchHeader, ExportLine } from './export/export-line';
import { renderCsv } from './export/render-csv';
import { renderFhirFr, renderFhirUs } from './export/render-fhir';
import { renderJson } from './export/render-json';

/** Lines read per query on the export path: large enough for throughput, small enough for flat memory. */
export const EXPORT_PAGE_SIZE = 2000;
const MAX_PERIOD_DAYS = 3 * 366;

type Renderer = (header: ExportBatchHeader, pages: AsyncIterable<ExportLine[]>) => AsyncGenerator<string>;

const FORMATS: Record<ExportFormat, { render: Renderer; contentType: string; extension: string }> = {
  csv: { render: renderCsv, contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  json: { render: renderJson, contentType: 'application/json; charset=utf-8', extension: 'json' },
  'fhir-fr': { render: renderFhirFr, contentType: 'application/fhir+json; charset=utf-8', extension: 'fhir-fr.json' },
  'fhir-us': { render: renderFhirUs, contentType: 'application/fhir+json; charset=utf-8', extension: 'fhir-us.json' },
};

export interface ExportFile {
  filename: string;
  contentType: string;
  contentHash: string;
  body: AsyncGenerator<string>;
}

/**
 * Export batches. Creating one moves every ready line of the period into it in one transaction
 * (concurrent batches never share a line), hashes its content and stores it; a batch never changes
 * afterwards and can be downloaded again in any format, streamed page by page.
 */
@Injectable()
export class BillingExportService {
  constructor(
    private readonly lines: BillingLinesRepository,
    private readonly batches: BillingBatchesRepository,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly db: Db,
  ) {}

  async createBatch(actor: Actor, request: CreateBatchRequest): Promise<BatchView> {
    this.access.requireRole(actor, ['billing', 'admin']);
    if (request.doctorId) await this.access.doctor(actor, request.doctorId);
    checkPeriod(request.from, request.to);
    const id = randomUUID();
    return this.db.transaction(async () => {
      const moved = await this.lines.assignReady(id, { practiceId: actor.practiceId, from: request.from, to: request.to, doctorId: request.doctorId ?? null });
      if (moved.count === 0) throw new BillingException(BillingExceptionCode.NOTHING_TO_EXPORT);
      const contentHash = await this.hashBatch(id);
      await this.batches.insert({
        id, practiceId: actor.practiceId, createdBy: actor.userId, periodFrom: request.from, periodTo: request.to, doctorId: request.doctorId ?? null,
        lineCount: moved.count, totalCents: String(moved.totalCents), contentHash,
      });
      const batch = await this.loadBatch(id);
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'billing.batch_created', detail: { batchId: id, number: batch.number, lines: batch.lineCount, contentHash: batch.contentHash } });
      return batch;
    });
  }

  async list(actor: Actor): Promise<BatchView[]> {
    this.access.requireRole(actor, ['billing', 'admin']);
    return (await this.batches.latest(actor.practiceId, 200)).map(toBatchView);
  }

  /** The batch's file in one format, streamed; the download is recorded in the audit trail. */
  async export(actor: Actor, batchId: string, format: ExportFormat): Promise<ExportFile> {
    const batch = toBatchView(await this.access.batch(actor, batchId));
    await this.audit.recordAccess({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'billing.batch_exported', detail: { batchId, number: batch.number, format, contentHash: batch.contentHash } });
    return this.file(batch, format);
  }

  /** Without audit: for the benchmark and for re-verification of a batch's hash. */
  file(batch: BatchView, format: ExportFormat): ExportFile {
    const { render, contentType, extension } = FORMATS[format];
    const header: ExportBatchHeader = {
      id: batch.id, number: batch.number, createdAt: batch.createdAt, from: batch.from, to: batch.to,
      lineCount: batch.lineCount, totalCents: batch.totalCents, contentHash: batch.contentHash,
    };
    // Every file is checked against the batch while it streams: lines whose count, total or content
    // hash differ from what the batch recorded end the download in an error instead of a file.
    const body = render(header, verifyingPages(header, this.pages(batch.id)));
    return { filename: `visite-batch-${batch.number}.${extension}`, contentType, contentHash: batch.contentHash, body };
  }

  /** Recomputes a stored batch's content hash from its lines (what a verification does). */
  hashBatch(batchId: string): Promise<string> {
    return contentHashOf(this.pages(batchId));
  }

  async loadBatch(batchId: string): Promise<BatchView> {
    const batch = await this.batches.findById(batchId);
    if (!batch) throw new BillingException(BillingExceptionCode.BATCH_NOT_FOUND);
    return toBatchView(batch);
  }

  /**
   * The batch's lines in pages, by keyset on the id. The next page's query is sent before the current
   * page is handed out, so PostgreSQL reads while this process renders (two pages in memory at most).
   */
  private async *pages(batchId: string): AsyncGenerator<ExportLine[]> {
    let next: Promise<ExportLine[]> = this.lines.batchPage(batchId, null, EXPORT_PAGE_SIZE);
    for (;;) {
      const page = await next;
      if (page.length === 0) return;
      const full = page.length === EXPORT_PAGE_SIZE;
      if (full) {
        next = this.lines.batchPage(batchId, page[page.length - 1]!.id, EXPORT_PAGE_SIZE);
        // If the consumer stops early (client gone), a failure of the prefetch must not go unhandled.
        next.catch(() => undefined);
      }
      yield page;
      if (!full) return;
    }
  }
}

function checkPeriod(from: string, to: string): void {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end) || start > end || end - start > MAX_PERIOD_DAYS * 86_400_000) {
    throw new BillingException(BillingExceptionCode.INVALID_PERIOD);
  }
}
