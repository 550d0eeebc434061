import { Injectable } from '@nestjs/common';
import type { ReportContent } from '@visite/contracts';
import { Keyring } from '../keys/keyring';
import type { ReportDocument } from './documents/report-document';
import type { ReportDeliveryEntity } from './report-delivery.entity';
import type { VisitReportEntity } from './visit-report.entity';

/** A report's signed artefacts, in clear. */
export interface SignedArtefacts {
  pdf: Buffer;
  cda: string;
  document: ReportDocument;
}

type Column = 'content' | 'pdf' | 'cda' | 'snapshot';

/**
 * The one way in and out of the encrypted columns of `visit_reports` and `report_deliveries`: each
 * value sealed with the practice's data key, bound to its row and column (docs/encryption.md).
 */
@Injectable()
export class ReportVault {
  constructor(private readonly keyring: Keyring) {}

  private seal(practiceId: string, rowId: string, column: Column, text: string): Promise<string> {
    return this.keyring.encrypt(practiceId, { table: 'visit_reports', column, rowId }, text);
  }

  private open(practiceId: string, rowId: string, column: Column, sealed: string): Promise<string> {
    return this.keyring.decrypt(practiceId, { table: 'visit_reports', column, rowId }, sealed);
  }

  sealContent(practiceId: string, rowId: string, content: ReportContent): Promise<string> {
    return this.seal(practiceId, rowId, 'content', JSON.stringify(content));
  }

  async content(row: VisitReportEntity): Promise<ReportContent> {
    return JSON.parse(await this.open(row.practiceId, row.id, 'content', row.contentEnc)) as ReportContent;
  }

  async sealSigned(practiceId: string, rowId: string, a: SignedArtefacts): Promise<{ pdfEnc: string; cdaEnc: string; snapshotEnc: string }> {
    return {
      pdfEnc: await this.seal(practiceId, rowId, 'pdf', a.pdf.toString('base64')),
      cdaEnc: await this.seal(practiceId, rowId, 'cda', a.cda),
      snapshotEnc: await this.seal(practiceId, rowId, 'snapshot', JSON.stringify(a.document)),
    };
  }

  async pdf(row: VisitReportEntity): Promise<Buffer> {
    return Buffer.from(await this.open(row.practiceId, row.id, 'pdf', row.pdfEnc!), 'base64');
  }

  cda(row: VisitReportEntity): Promise<string> {
    return this.open(row.practiceId, row.id, 'cda', row.cdaEnc!);
  }

  async document(row: VisitReportEntity): Promise<ReportDocument> {
    const raw = JSON.parse(await this.open(row.practiceId, row.id, 'snapshot', row.snapshotEnc!)) as ReportDocument & {
      signedAt: string;
      visit: { id: string; startedAt: string; endedAt: string };
    };
    return { ...raw, signedAt: new Date(raw.signedAt), visit: { id: raw.visit.id, startedAt: new Date(raw.visit.startedAt), endedAt: new Date(raw.visit.endedAt) } };
  }

  sealRecipient(practiceId: string, rowId: string, recipient: string | null): Promise<string | null> {
    return this.keyring.encryptNullable(practiceId, { table: 'report_deliveries', column: 'recipient', rowId }, recipient);
  }

  recipient(row: ReportDeliveryEntity): Promise<string | null> {
    return this.keyring.decryptNullable(row.practiceId, { table: 'report_deliveries', column: 'recipient', rowId: row.id }, row.recipientEnc);
  }
}
