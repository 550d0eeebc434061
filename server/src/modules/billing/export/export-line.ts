import type { BillingLineInput, RuleResult } from '@visite/contracts';

/**
 * One billed line as the export reads it: the frozen snapshot (`input`) plus what the evaluation
 * recorded. Lines of a batch never change (see the billing migration's triggers), so every rendering
 * of a batch is reproducible and its content hash (canonical-line.ts) stays verifiable.
 */
export interface ExportLine {
  id: string;
  batchId: string;
  visitId: string;
  patientId: string;
  doctorId: string;
  input: BillingLineInput;
  results: RuleResult[];
  /** Act + add-ons + extra fee, integer EUR cents. */
  totalCents: number;
  feeTableVersion: string;
  rulesVersion: string;
  replacesLineId: string | null;
}

/** The batch row, as every format's header or prologue carries it. */
export interface ExportBatchHeader {
  id: string;
  /** Sequential number per installation ("Batch 12"). */
  number: number;
  /** ISO 8601 instant with a time zone (Date#toISOString). */
  createdAt: string;
  /** First and last date of service covered, YYYY-MM-DD. */
  from: string;
  to: string;
  lineCount: number;
  totalCents: number;
  /** SHA-256 hex over the canonical lines (canonical-line.ts). */
  contentHash: string;
}

/**
 * Every renderer: the batch header and its lines in pages (in batch order), rendered as text chunks:
 * a prologue, exactly one chunk per page, then an epilogue. Memory stays flat: nothing is kept
 * between pages except what a format documents (the FHIR renderers remember distinct people).
 */
export type ExportRenderer = (header: ExportBatchHeader, pages: AsyncIterable<ExportLine[]>) => AsyncGenerator<string>;
