import type {
  BillingLineState,
  CarePathwayException,
  ExportFormat,
  IdentityStatus,
  InsOid,
  Modality,
  PatientBilling,
  PatientLocation,
  Profession,
  Sector,
  Specialty,
} from '@visite/contracts';
import { INS_OID_NIA, INS_OID_NIR } from '@visite/contracts';

/** Human labels of the billing vocabulary (French practice, in English). */

/** Lower case on purpose: it is read inside sentences ("Modality recorded: audio only"). */
export const MODALITY_LABELS: Record<Modality, string> = {
  video: 'video',
  audio: 'audio only',
  asynchronous: 'asynchronous (tele-expertise)',
};
export const MODALITY_NOT_RECORDED = 'not recorded';

export function modalityLabel(modality: Modality | null): string {
  return modality ? MODALITY_LABELS[modality] : MODALITY_NOT_RECORDED;
}

/** Lower case: the screens print "State: to review". */
export const STATE_LABELS: Record<BillingLineState, string> = {
  blocked: 'blocked',
  to_review: 'to review',
  ready: 'ready',
  exported: 'exported',
  voided: 'voided',
};

export const PATIENT_LOCATION_LABELS: Record<PatientLocation, string> = {
  home: 'At home',
  workplace: 'At work',
  practice: "In a health professional's practice",
  health_facility: 'In a health facility (hospital, clinic)',
  care_home: 'In a care home (EHPAD)',
  pharmacy: 'In a pharmacy (teleconsultation booth)',
  other: 'Elsewhere',
};

export const CARE_EXCEPTION_LABELS: Record<CarePathwayException, string> = {
  direct_access_specialty: 'Direct-access specialty (gynaecology, ophthalmology, psychiatry 16–25 years)',
  under_16: 'Patient under 16',
  emergency: 'Emergency',
  no_regular_doctor: 'Patient without a regular doctor (médecin traitant)',
  regular_doctor_unavailable: 'Regular doctor unavailable in time',
  detainee: 'Detainee',
  care_home_resident: 'Care home (EHPAD) resident',
};

export const IDENTITY_STATUS_LABELS: Record<IdentityStatus, string> = {
  PROV: 'PROV — provisional identity',
  VALI: 'VALI — validated (identity document checked)',
  RECUP: 'RECUP — INS retrieved, identity not checked',
  QUAL: 'QUAL — qualified (INS retrieved and identity checked)',
};

export const INS_OID_LABELS: Record<InsOid, string> = {
  [INS_OID_NIR]: 'NIR (1.2.250.1.213.1.4.8)',
  [INS_OID_NIA]: 'NIA, provisional number (1.2.250.1.213.1.4.9)',
};

export const SEX_LABELS: Record<PatientBilling['sex'], string> = {
  female: 'Female',
  male: 'Male',
  unknown: 'Unknown',
};

export const PROFESSION_LABELS: Record<Profession, string> = {
  physician: 'Physician',
  nurse: 'Nurse',
  midwife: 'Midwife',
  other: 'Other profession',
};

export const SPECIALTY_LABELS: Record<Specialty, string> = {
  general_practice: 'General practice',
  psychiatry: 'Psychiatry',
  pediatrics: 'Paediatrics',
  gynecology: 'Gynaecology',
  ophthalmology: 'Ophthalmology',
  other_specialty: 'Other specialty',
  none: 'None',
};

export const SECTOR_LABELS: Record<Sector, string> = {
  '1': 'Sector 1',
  '2': 'Sector 2',
  non_conventionne: 'Not under the convention',
};

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  csv: 'CSV',
  json: 'JSON',
  'fhir-fr': 'FHIR (France)',
  'fhir-us': 'FHIR (US)',
};

/** Options of a <select> from a label record, in the order of the contract's list. */
export function optionsOf<T extends string>(values: readonly T[], labels: Record<T, string>): { value: T; label: string }[] {
  return values.map((value) => ({ value, label: labels[value] }));
}
