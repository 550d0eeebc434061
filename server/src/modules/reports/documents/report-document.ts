import type { InsOid, Language, ReportContent } from '@visite/contracts';

/**
 * Everything a signed report's documents (PDF, CDA R2, FHIR document, IHE XDM) are built from, in clear.
 * Built once by the reports service at signing; the renderers are pure functions of it.
 */
export interface ReportDocument {
  /** The version's row id: the document's unique id (CDA id, FHIR Composition/Bundle identifier). */
  id: string;
  /** The document set every version shares (CDA setId). */
  setId: string;
  version: number;
  /** The version this one replaces (CDA relatedDocument RPLC), if a correction. */
  replaces: { id: string; version: number } | null;
  signedAt: Date;
  language: Language;
  content: ReportContent;
  visit: { id: string; startedAt: Date; endedAt: Date };
  patient: {
    id: string;
    firstName: string;
    lastName: string;
    birthName: string | null;
    birthDate: string;
    sex: 'female' | 'male' | 'unknown';
    /** The INS, only for a qualified identity (QUAL) whose INS is valid and consistent. */
    ins: { value: string; oid: InsOid } | null;
  };
  author: { id: string; displayName: string; rpps: string | null };
  practice: { id: string; name: string; address: string | null; phone: string | null; timeZone: string };
  /** The regular doctor the report is addressed to by MSSanté, if any. */
  recipient: { rpps: string | null; mssante: string } | null;
}

/** The OID Visite's local identifiers are issued under. TO CONFIRM: a practice registers its own OID (docs/report.md). */
export const VISITE_LOCAL_OID = '1.2.250.1.999.1';
export const LOCAL_PATIENT_OID = `${VISITE_LOCAL_OID}.1`;
export const LOCAL_DOCUMENT_OID = `${VISITE_LOCAL_OID}.2`;
export const LOCAL_PRACTICE_OID = `${VISITE_LOCAL_OID}.3`;
/** National identifier of health professionals (idNatPs): "8" + RPPS. */
export const RPPS_OID = '1.2.250.1.71.4.2.1';
export const idNatPs = (rpps: string) => `8${rpps}`;

/** The document type: LOINC 11488-4 "Consult note" (see docs/report.md for the French type codes). */
export const REPORT_LOINC = { code: '11488-4', display: 'Consult note', system: '2.16.840.1.113883.6.1' } as const;

/** A UUID as an OID (2.25 arc, ITU-T X.667), for CDA ids. */
export function uuidOid(uuid: string): string {
  return `2.25.${BigInt(`0x${uuid.replace(/-/g, '')}`).toString(10)}`;
}

/** HL7 V3 TS with the UTC offset: 20261201140500+0000. */
export function hl7Time(at: Date): string {
  const iso = at.toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}+0000`;
}

export const hl7Date = (isoDate: string) => isoDate.replace(/-/g, '');
