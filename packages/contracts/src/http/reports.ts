import { z } from 'zod';
import { email, idParams, queryInt, text } from '../input/primitives';
import { joinTokenParams } from './join';
import { defineRoute } from './route';
import type { VisitStatus } from './visits';

/**
 * The visit report (compte rendu de téléconsultation): written by the visit's doctor at the end of the
 * visit, signed (then immutable; a correction is a new version of the same document set, superseding
 * it), and sent where the doctor chooses: to the patient (PDF on their link and a notice), for the DMP
 * (CDA R2 and FHIR document), by MSSanté to the regular doctor (IHE XDM). See docs/report.md.
 */

/** The sections of a report, in the order they are printed. */
export const REPORT_SECTIONS = ['reason', 'findings', 'advice', 'prescriptions', 'followUp'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** Longest text of one section (characters). */
export const REPORT_SECTION_MAX = 8000;

export const reportContentSchema = z.strictObject({
  reason: text(REPORT_SECTION_MAX),
  findings: text(REPORT_SECTION_MAX),
  advice: text(REPORT_SECTION_MAX),
  prescriptions: text(REPORT_SECTION_MAX),
  followUp: text(REPORT_SECTION_MAX),
});
export type ReportContent = z.output<typeof reportContentSchema>;

/** Where a signed report goes. */
export const REPORT_DESTINATIONS = ['patient', 'dmp', 'mssante'] as const;
export type ReportDestination = (typeof REPORT_DESTINATIONS)[number];

export const reportDestinationsSchema = z.strictObject({ patient: z.boolean(), dmp: z.boolean(), mssante: z.boolean() });
export type ReportDestinations = z.output<typeof reportDestinationsSchema>;

/**
 * PUT /api/visits/:id/report: the draft as typed. `revision` is the revision the doctor's page last
 * read: a save over a newer one (another tab) is refused with REPORT_DRAFT_CONFLICT.
 */
export const saveReportDraftSchema = z.strictObject({
  content: reportContentSchema,
  destinations: reportDestinationsSchema,
  revision: z.number().int().min(0),
});
export type SaveReportDraftRequest = z.input<typeof saveReportDraftSchema>;

/** POST /api/visits/:id/report/sign: signs the draft of this revision. */
export const signReportSchema = z.strictObject({ revision: z.number().int().min(0) });

/** PUT /api/patients/:id/regular-doctor: who the patient's regular doctor is and their MSSanté address. */
export const regularDoctorSchema = z.strictObject({
  /** RPPS: 11 digits. */
  rpps: z.string().regex(/^\d{11}$/, { message: 'an RPPS number has 11 digits' }).nullable(),
  /** The doctor's MSSanté mailbox (an address of an accredited operator). */
  mssante: email().nullable(),
});
export type RegularDoctorRequest = z.input<typeof regularDoctorSchema>;

export const REPORT_STATUSES = ['draft', 'signed', 'superseded'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** How a delivery of a signed report went. `not_configured`: the practice has no connector for it (DMP). */
export const DELIVERY_STATES = ['pending', 'sent', 'failed', 'not_configured'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export interface ReportDelivery {
  id: string;
  destination: ReportDestination;
  state: DeliveryState;
  /** The recipient (an MSSanté address), when there is one. */
  recipient: string | null;
  /** Why it failed, as the relay or connector said. */
  error: string | null;
  attempts: number;
  sentAt: string | null;
  updatedAt: string;
}

/** One version of a visit's report. */
export interface ReportVersion {
  id: string;
  /** The document set all versions share (CDA setId). */
  setId: string;
  version: number;
  status: ReportStatus;
  content: ReportContent;
  destinations: ReportDestinations;
  /** The draft's revision (saves); fixed once signed. */
  revision: number;
  author: { id: string; displayName: string };
  createdAt: string;
  updatedAt: string;
  signedAt: string | null;
  /** SHA-256 (hex) of the signed PDF. */
  pdfSha256: string | null;
  deliveries: ReportDelivery[];
}

/** GET /api/visits/:id/report: the visit's report, every version, and what the draft starts from. */
export interface VisitReport {
  visitId: string;
  visitStatus: VisitStatus;
  patient: { id: string; firstName: string; lastName: string; identityQualified: boolean; hasEmail: boolean; hasPhone: boolean };
  regularDoctor: { rpps: string | null; mssante: string | null };
  /** Newest first. */
  versions: ReportVersion[];
  /** What a new draft is prefilled with (the visit's notes when there are some). */
  prefill: ReportContent;
  /** Where signed documents can go on this server (MSSanté needs MSSANTE_SMTP_URL; the DMP a connector). */
  channels: { mssante: boolean; dmp: boolean };
}

/** GET /api/join/:token/report: what the patient's page shows once the report is signed. */
export interface PatientReportInfo {
  version: number;
  signedAt: string;
  doctorName: string;
}

/** GET /api/visits/:id/report/:format?version= */
export const REPORT_FORMATS = ['pdf', 'cda', 'fhir', 'xdm'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const reportFileParams = z.object({ id: idParams.shape.id, format: z.enum(REPORT_FORMATS) });
export const reportVersionQuery = z.strictObject({ version: queryInt(1, 1000).optional() });

/** GET /api/patients/:id/record: the patient's visits and, for clinical staff, what each left. */
export interface PatientRecordVisit {
  id: string;
  status: VisitStatus;
  scheduledAt: string;
  endedAt: string | null;
  doctor: { id: string; displayName: string };
  /** Null for staff who see no clinical content (billing). */
  report: { version: number; status: ReportStatus; signedAt: string | null; reason: string } | null;
  /** Documents and chat messages of the visit (counts; null when not available to this role or this server). */
  documents: number | null;
  chatMessages: number | null;
}

export interface PatientRecord {
  patientId: string;
  /** False for billing staff: dates and doctors only. */
  clinical: boolean;
  visits: PatientRecordVisit[];
}

export const reportRoutes = {
  get: defineRoute<VisitReport>()({ method: 'GET', path: '/api/visits/:id/report', params: idParams, access: 'staff' }),
  saveDraft: defineRoute<VisitReport>()({ method: 'PUT', path: '/api/visits/:id/report', params: idParams, body: saveReportDraftSchema, access: 'staff' }),
  sign: defineRoute<VisitReport>()({ method: 'POST', path: '/api/visits/:id/report/sign', params: idParams, body: signReportSchema, access: 'staff' }),
  correct: defineRoute<VisitReport>()({ method: 'POST', path: '/api/visits/:id/report/correct', params: idParams, access: 'staff' }),
  sendMssante: defineRoute<VisitReport>()({ method: 'POST', path: '/api/visits/:id/report/mssante', params: idParams, access: 'staff' }),
  file: defineRoute<never>()({ method: 'GET', path: '/api/visits/:id/report/:format', params: reportFileParams, query: reportVersionQuery, access: 'staff', file: true }),
  regularDoctor: defineRoute<VisitReport>()({ method: 'PUT', path: '/api/visits/:id/report/regular-doctor', params: idParams, body: regularDoctorSchema, access: 'staff' }),
  patientRecord: defineRoute<PatientRecord>()({ method: 'GET', path: '/api/patients/:id/record', params: idParams, access: 'staff' }),
  patientInfo: defineRoute<PatientReportInfo>()({ method: 'GET', path: '/api/join/:token/report', params: joinTokenParams, access: 'join' }),
  patientPdf: defineRoute<never>()({ method: 'GET', path: '/api/join/:token/report/pdf', params: joinTokenParams, access: 'join', file: true }),
} as const;
