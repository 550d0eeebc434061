import { z } from 'zod';
import { idParams, isoDate, queryInt, requiredText, text, uuid } from '../input/primitives';
import {
  CARE_PATHWAY_EXCEPTIONS, IDENTITY_STATUSES, INS_OID_NIA, INS_OID_NIR, MODALITIES, PATIENT_LOCATIONS, PROFESSIONS, SECTORS, SPECIALTIES,
} from '../billing/types';
import { defineRoute } from './route';
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

// ---- Request schemas (shared by the server's edge and the web's forms) ----

const ACT_CODE = /^[A-Z0-9]{1,8}$/;
/** 13 characters (digits, or 2A/2B for Corsica at positions 6-7) and a 2-digit key; F9 and F10 check the key. */
export const NIR_SHAPE = /^[0-9]{5}[0-9AB][0-9]{9}$/;
/** An RPPS number: 11 digits. */
export const RPPS_SHAPE = /^[0-9]{11}$/;
const MAX_CENTS = 1_000_000;

const cents = (what: string) => z.number({ message: `must be a whole number of cents` }).int({ message: `${what} must be a whole number of cents` }).min(0).max(MAX_CENTS);
const actCode = (field: string) => z.string().regex(ACT_CODE, { message: `${field} must be an act code such as TCG` });
const rpps = (field: string) => z.string().regex(RPPS_SHAPE, { message: `${field} must be an RPPS number (11 digits)` });
const nir = (field: string, what: string) => z.string().regex(NIR_SHAPE, { message: `${field} must be 15 characters: ${what} of 13 (2A/2B allowed for Corsica) and its 2-digit key` });
/** An optional field a client may omit or send as null. */
const orNull = <T extends z.ZodType>(schema: T) => schema.nullable().default(null);

export const lineCodingSchema = z
  .object({
    code: actCode('code'),
    amountCents: cents('amountCents'),
    addOns: z.array(z.object({ code: actCode('addOns.code'), amountCents: cents('addOns.amountCents') }).strict()).max(5),
    extraFeeCents: cents('extraFeeCents'),
    otherProfessionalRpps: orNull(rpps('otherProfessionalRpps')),
    thirdPartyPayment: z.boolean(),
    coveragePercent: z.number().int().min(0).max(100),
    referral: z.boolean(),
    careException: orNull(z.enum(CARE_PATHWAY_EXCEPTIONS)),
    exceptionReason: orNull(text(500)),
    sickNote: orNull(z.object({ days: z.number().int().min(1).max(365), inPersonImpossible: z.boolean() }).strict()),
    patientLocation: orNull(z.enum(PATIENT_LOCATIONS)),
  })
  .strict() satisfies z.ZodType<LineCoding>;

export const patientIdentityUpdateSchema = z
  .object({
    sex: z.enum(['male', 'female', 'unknown']),
    ins: orNull(nir('ins', 'a NIR or NIA')),
    insOid: orNull(z.enum([INS_OID_NIR, INS_OID_NIA], { message: `insOid must be ${INS_OID_NIR} (NIR) or ${INS_OID_NIA} (NIA)` })),
    identityStatus: z.enum(IDENTITY_STATUSES),
    insuredNir: orNull(nir('insuredNir', 'a NIR')),
    beneficiaryRank: z.number().int().min(1).max(99),
    regularDoctorRpps: orNull(rpps('regularDoctorRpps')),
  })
  .strict() satisfies z.ZodType<PatientIdentityUpdate>;

export const modalityCorrectionSchema = z
  .object({ modality: z.enum(MODALITIES), reason: requiredText(500, 'give the reason for recording the modality') })
  .strict() satisfies z.ZodType<ModalityCorrection>;

export const voidLineSchema = z.object({ reason: requiredText(500, 'give the reason for voiding the line') }).strict() satisfies z.ZodType<VoidLineRequest>;

export const practitionerProfileSchema = z
  .object({
    rpps: rpps('rpps'),
    amNumber: z.string().regex(/^[0-9]{9}$/, { message: 'amNumber must be 9 digits' }),
    profession: z.enum(PROFESSIONS),
    specialty: z.enum(SPECIALTIES),
    sector: z.enum(SECTORS),
    optam: z.boolean(),
    firstName: requiredText(100),
    lastName: requiredText(100),
    declaredActs: orNull(z.object({ year: z.number().int().min(2000).max(2100), total: z.number().int().min(0).max(1_000_000) }).strict()),
  })
  .strict() satisfies z.ZodType<PractitionerProfileUpdate>;

export const createBatchSchema = z
  .object({ from: isoDate(), to: isoDate(), doctorId: uuid().optional() })
  .strict()
  .refine((b) => b.from <= b.to, { message: 'the period must end on or after its first day', path: ['to'] }) satisfies z.ZodType<CreateBatchRequest>;

export const linesQuerySchema = z
  .object({
    from: isoDate().optional(),
    to: isoDate().optional(),
    doctorId: uuid().optional(),
    state: z.enum(BILLING_LINE_STATES).optional(),
    cursor: z.string().max(200).optional(),
    limit: queryInt(1, 500).optional(),
  })
  .strict() satisfies z.ZodType<BillingLinesQuery>;

/** The query of GET /api/billing/lines as a client writes it (strings). */
export type BillingLinesQueryParams = z.input<typeof linesQuerySchema>;

export const exportQuerySchema = z.object({ format: z.enum(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` }) }).strict();

const userIdParams = z.object({ userId: uuid() });

export const billingRoutes = {
  lines: defineRoute<BillingLinesPage>()({ method: 'GET', path: '/api/billing/lines', query: linesQuerySchema, access: 'staff' }),
  line: defineRoute<BillingLineView>()({ method: 'GET', path: '/api/billing/lines/:id', params: idParams, access: 'staff' }),
  recode: defineRoute<BillingLineView>()({ method: 'PUT', path: '/api/billing/lines/:id/coding', params: idParams, body: lineCodingSchema, access: 'staff' }),
  acknowledge: defineRoute<BillingLineView>()({ method: 'POST', path: '/api/billing/lines/:id/acknowledge', params: idParams, access: 'staff' }),
  voidLine: defineRoute<BillingLineView>()({ method: 'POST', path: '/api/billing/lines/:id/void', params: idParams, body: voidLineSchema, access: 'staff' }),
  reissue: defineRoute<BillingLineView>()({ method: 'POST', path: '/api/billing/lines/:id/reissue', params: idParams, status: 201, access: 'staff' }),
  patientIdentity: defineRoute<IdentityUpdated>()({ method: 'PUT', path: '/api/billing/patients/:id/identity', params: idParams, body: patientIdentityUpdateSchema, access: 'staff' }),
  modality: defineRoute<{ lines: BillingLineView[] }>()({ method: 'PUT', path: '/api/billing/visits/:id/modality', params: idParams, body: modalityCorrectionSchema, access: 'staff' }),
  practitioners: defineRoute<PractitionerView[]>()({ method: 'GET', path: '/api/billing/practitioners', access: 'staff' }),
  updatePractitioner: defineRoute<PractitionerView>()({ method: 'PUT', path: '/api/billing/practitioners/:userId', params: userIdParams, body: practitionerProfileSchema, access: 'staff' }),
  createBatch: defineRoute<BatchView>()({ method: 'POST', path: '/api/billing/batches', body: createBatchSchema, status: 201, access: 'staff' }),
  batches: defineRoute<BatchView[]>()({ method: 'GET', path: '/api/billing/batches', access: 'staff' }),
  /** The batch's file, streamed; `X-Content-Hash` carries the batch's content hash. */
  exportBatch: defineRoute<never>()({ method: 'GET', path: '/api/billing/batches/:id/export', params: idParams, query: exportQuerySchema, access: 'staff', file: true }),
} as const;

/** The doctor codes their own completed visit at its end. */
export const visitCodingRoutes = {
  draft: defineRoute<CodingDraft>()({ method: 'GET', path: '/api/visits/:id/coding', params: idParams, access: 'staff' }),
  saveLine: defineRoute<BillingLineView>()({ method: 'POST', path: '/api/visits/:id/billing-line', params: idParams, body: lineCodingSchema, access: 'staff' }),
  saveIdentity: defineRoute<IdentityUpdated>()({ method: 'PUT', path: '/api/visits/:id/patient-identity', params: idParams, body: patientIdentityUpdateSchema, access: 'staff' }),
} as const;
