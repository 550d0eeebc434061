import { z } from 'zod';
import type {
  BillingLineInput,
  CodeProposal,
  FeeEntry,
  IdentityStatus,
  InsOid,
  LineCoding,
  LineContext,
  Modality,
  PatientBilling,
  PractitionerBilling,
  RuleResult,
} from '../billing/types';

/**
 * Billing over HTTP. Doctors code their own visits; staff with the role `billing` (or `admin`) review
 * lines, correct data and export batches. All amounts in integer cents.
 */

const mediaCount = z.number().int().nonnegative();
const mediaSideSummarySchema = z.object({ audioPackets: mediaCount, videoPackets: mediaCount, audioBytes: mediaCount, videoBytes: mediaCount });

/**
 * What the SFU carried in a visit's media room, per side: the answer to the control call
 * `POST /control/rooms/:id/close`, recorded on the visit when it ends (billing's modality).
 */
export const roomMediaSummarySchema = z.object({ roomId: z.string(), doctor: mediaSideSummarySchema, patient: mediaSideSummarySchema });
export type MediaSideSummary = z.infer<typeof mediaSideSummarySchema>;
export type RoomMediaSummary = z.infer<typeof roomMediaSummarySchema>;

/**
 * The state of a billed line:
 * - `blocked`: at least one E rule fails; cannot be exported until corrected;
 * - `to_review`: W rules fail and the biller has not acknowledged them;
 * - `ready`: may go into the next batch;
 * - `exported`: in a batch (immutable);
 * - `voided`: cancelled (an exported line stays in its batch; a re-issued line replaces it).
 */
export const BILLING_LINE_STATES = ['blocked', 'to_review', 'ready', 'exported', 'voided'] as const;
export type BillingLineState = (typeof BILLING_LINE_STATES)[number];

export interface BillingLineView {
  id: string;
  visitId: string;
  patientId: string;
  state: BillingLineState;
  dateOfService: string;
  doctor: { id: string; displayName: string };
  /** The frozen data the rules read and an export carries. */
  input: BillingLineInput;
  results: RuleResult[];
  hasErrors: boolean;
  hasWarnings: boolean;
  warningsAcknowledged: { by: string; at: string } | null;
  feeTableVersion: string;
  rulesVersion: string;
  /** Act + add-ons + extra fee. */
  totalCents: number;
  batchId: string | null;
  replacesLineId: string | null;
  voided: { at: string; by: string; reason: string } | null;
  createdAt: string;
  updatedAt: string;
}

/** GET /api/visits/:id/coding: everything the doctor's end-of-visit coding screen needs. */
export interface CodingDraft {
  visit: { id: string; dateOfService: string; modality: Modality | null; media: RoomMediaSummary | null };
  /** Null when the doctor has no billing profile yet (billing staff set it up). */
  practitioner: PractitionerBilling | null;
  patient: PatientBilling;
  context: LineContext;
  proposal: CodeProposal;
  /** Acts and add-ons valid on the date of service (the code choices). */
  fees: FeeEntry[];
  /** The line already coded for this visit, if any (not voided). */
  line: BillingLineView | null;
}

/** POST /api/visits/:id/billing-line and PUT /api/billing/lines/:id/coding: the body is a LineCoding. */
export type LineCodingRequest = LineCoding;

/** GET /api/billing/lines query (all optional): period on date of service, doctor, state. */
export interface BillingLinesQuery {
  from?: string;
  to?: string;
  doctorId?: string;
  state?: BillingLineState;
  /** Opaque cursor from the previous page. */
  cursor?: string;
  limit?: number;
}
export interface BillingLinesPage {
  lines: BillingLineView[];
  nextCursor: string | null;
  /** Counts by state for the same filter (without state/cursor). */
  counts: Record<BillingLineState, number>;
}

/** POST /api/billing/lines/:id/void */
export interface VoidLineRequest {
  reason: string;
}

/**
 * Billing identity of a patient (re-evaluates the patient's open lines):
 * PUT /api/billing/patients/:id/identity (billing staff) or PUT /api/visits/:id/patient-identity (the
 * visit's doctor, from the coding screen). Both answer `IdentityUpdated`.
 */
export interface PatientIdentityUpdate {
  sex: PatientBilling['sex'];
  ins: string | null;
  insOid: InsOid | null;
  identityStatus: IdentityStatus;
  insuredNir: string | null;
  beneficiaryRank: number;
  regularDoctorRpps: string | null;
}

export interface IdentityUpdated {
  patient: PatientBilling;
  /** The patient's open lines (not exported, not voided), re-evaluated. */
  lines: BillingLineView[];
}

/** PUT /api/billing/visits/:id/modality: a biller records what really happened, with a reason (audited). */
export interface ModalityCorrection {
  modality: Modality;
  reason: string;
}

/** A doctor's billing identity as billing staff keep it: what a line freezes, plus the declared activity. */
export interface PractitionerProfile extends PractitionerBilling {
  /** Reimbursed acts of all kinds declared for one calendar year (F7's denominator). */
  declaredActs: { year: number; total: number } | null;
}

/** PUT /api/billing/practitioners/:userId */
export type PractitionerProfileUpdate = PractitionerProfile;

/** GET /api/billing/practitioners: the doctors, their profiles and their F7 running share this year. */
export interface PractitionerView {
  userId: string;
  displayName: string;
  email: string;
  profile: PractitionerProfile | null;
  share: { year: number; countable: number; declaredTotalActs: number | null; percent: number | null; limitPercent: number };
}

/** POST /api/billing/batches: every `ready` line in the period (and for the doctor, if given). */
export interface CreateBatchRequest {
  from: string;
  to: string;
  doctorId?: string;
}

export const EXPORT_FORMATS = ['csv', 'json', 'fhir-fr', 'fhir-us'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface BatchView {
  id: string;
  /** Sequential number per installation, for the biller ("Batch 12"). */
  number: number;
  createdAt: string;
  createdBy: { id: string; displayName: string };
  from: string;
  to: string;
  doctorId: string | null;
  lineCount: number;
  totalCents: number;
  /** SHA-256 (hex) of the batch's canonical content (its JSON Lines, in line order). */
  contentHash: string;
  /** GET /api/billing/batches/:id/export?format=... */
  formats: readonly ExportFormat[];
}
