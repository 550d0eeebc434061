import type { ReportDocument } from './documents/report-document';

/** What a DMP connector answered for one document. */
export type DmpResult = { state: 'sent'; reference: string | null } | { state: 'failed'; reason: string } | { state: 'not_configured' };

/**
 * Sends a signed report's CDA document to the patient's DMP (Mon Espace Santé). Direct submission needs
 * a connector approved by the ANS ("DMP compatible" homologation) and the author's authentication by
 * CPS / e-CPS card (or a certified establishment certificate): a practice that has one provides an
 * implementation of this class (docs/report.md). The default records "not configured", and the CDA
 * stays downloadable for the practice's DMP software.
 */
export abstract class DmpSubmitter {
  abstract readonly configured: boolean;
  abstract submit(document: ReportDocument, cda: string): Promise<DmpResult>;
}

export class NotConfiguredDmpSubmitter extends DmpSubmitter {
  readonly configured = false;
  submit(): Promise<DmpResult> {
    return Promise.resolve({ state: 'not_configured' });
  }
}
