/**
 * Test data for the export specs (not used by the application). Ids are UUIDs, as in the database;
 * NIRs and INS have valid keys.
 */
import { sampleTcgCoding } from '@visite/billing';
import { INS_OID_NIA, INS_OID_NIR, type PatientBilling, type PractitionerBilling } from '@visite/contracts';
import { contentHashOf } from './canonical-line';
import type { ExportBatchHeader, ExportLine } from './export-line';

export const BATCH_ID = '0b8e4f5a-3c2d-4e1f-9a8b-7c6d5e4f3a2b';

/** A UUID that reads as its purpose and number: uuid('a', 7) = "a0000000-0000-4000-8000-000000000007". */
export function uuid(prefix: string, n: number): string {
  return `${prefix.padEnd(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export const DOCTOR: PractitionerBilling = {
  rpps: '10101201234',
  amNumber: '751234567',
  profession: 'physician',
  specialty: 'general_practice',
  sector: '1',
  optam: false,
  firstName: 'Jeanne',
  lastName: 'Bernard',
};

/** Qualified identity, INS = own NIR, insured person herself (rank 1). */
export const PATIENT_QUAL: PatientBilling = {
  firstName: 'Marie',
  lastName: 'Dupont',
  birthDate: '1990-01-15',
  sex: 'female',
  ins: '290017501234551',
  insOid: INS_OID_NIR,
  identityStatus: 'QUAL',
  insuredNir: '290017501234551',
  beneficiaryRank: 1,
  regularDoctorRpps: '10101201234',
};

/** Provisional identity (an INS is recorded but may not be exported), a child covered by a parent's NIR (rank 2). */
export const PATIENT_PROV: PatientBilling = {
  firstName: 'Léo',
  lastName: 'Martin',
  birthDate: '2015-06-01',
  sex: 'male',
  ins: '185057512345673',
  insOid: INS_OID_NIR,
  identityStatus: 'PROV',
  insuredNir: '185057512345673',
  beneficiaryRank: 2,
  regularDoctorRpps: null,
};

/** Qualified identity with a temporary INS (NIA). */
export const PATIENT_NIA: PatientBilling = {
  firstName: 'Ana',
  lastName: 'Silva',
  birthDate: '1984-11-30',
  sex: 'female',
  ins: '712345678901220',
  insOid: INS_OID_NIA,
  identityStatus: 'QUAL',
  insuredNir: '264036912301769',
  beneficiaryRank: 1,
  regularDoctorRpps: null,
};

export const PATIENT_IDS = new Map<PatientBilling, string>([
  [PATIENT_QUAL, uuid('ba', 1)],
  [PATIENT_PROV, uuid('ba', 2)],
  [PATIENT_NIA, uuid('ba', 3)],
]);
export const DOCTOR_ID = uuid('d0c', 1);

/** A TCG video line for PATIENT_QUAL at home, 25.00 EUR; `patch` edits it (deep copies are made first). */
export function makeLine(n: number, patch?: (line: ExportLine) => void): ExportLine {
  const line: ExportLine = {
    id: uuid('11', n),
    batchId: BATCH_ID,
    visitId: uuid('71', n),
    patientId: PATIENT_IDS.get(PATIENT_QUAL)!,
    doctorId: DOCTOR_ID,
    input: {
      practitioner: { ...DOCTOR },
      patient: { ...PATIENT_QUAL },
      visit: { visitId: uuid('71', n), dateOfService: '2025-03-10', modality: 'video' },
      coding: sampleTcgCoding(),
      context: { teleconsultationShare: { year: 2025, countable: 12, declaredTotalActs: 4000 } },
    },
    results: [],
    totalCents: 2500,
    feeTableVersion: 'ngap-2025-01',
    rulesVersion: 'rules-1',
    replacesLineId: null,
  };
  patch?.(line);
  return line;
}

/** Makes `patient` the line's patient; a variant of a fixture patient needs its own `id`. */
export function withPatient(line: ExportLine, patient: PatientBilling, id = PATIENT_IDS.get(patient)): void {
  if (id === undefined) throw new Error('withPatient: give an id for a patient that is not a fixture');
  line.patientId = id;
  line.input.patient = { ...patient };
}

/** Four lines covering the mapping: shared patient, QUAL/PROV/NIA identities, video/audio/asynchronous, add-on, extra fee, replacement. */
export function mixedLines(): ExportLine[] {
  return [
    // QUAL patient, video at home, with the MOP add-on.
    makeLine(1, (l) => {
      l.input.coding.addOns = [{ code: 'MOP', amountCents: 500 }];
      l.totalCents = 3000;
    }),
    // Same patient again (dedupe), audio only from her workplace, acknowledged warnings.
    makeLine(2, (l) => {
      l.input.visit.modality = 'audio';
      l.input.visit.dateOfService = '2025-03-11';
      l.input.coding.patientLocation = 'workplace';
      l.results = [
        { rule: 'F6', severity: 'warning', message: 'F6: outside the care pathway', field: 'coding.careException' },
        { rule: 'F7', severity: 'warning', message: 'F7: close to the yearly cap' },
      ];
    }),
    // PROV child covered by a parent (rank 2): asynchronous TE2 requested by another doctor, 100 %, third-party payment.
    makeLine(3, (l) => {
      withPatient(l, PATIENT_PROV);
      l.input.visit.modality = 'asynchronous';
      l.input.coding = { ...l.input.coding, code: 'TE2', amountCents: 2000, coveragePercent: 100, thirdPartyPayment: true, otherProfessionalRpps: '10003461033', patientLocation: null };
      l.totalCents = 2000;
    }),
    // NIA patient, sector 2 extra fee, care exception, re-issue of an earlier line.
    makeLine(4, (l) => {
      withPatient(l, PATIENT_NIA);
      l.input.practitioner.sector = '2';
      l.input.coding = { ...l.input.coding, code: 'TC', amountCents: 2500, extraFeeCents: 1500, careException: 'emergency', exceptionReason: 'fever at night' };
      l.totalCents = 4000;
      l.replacesLineId = uuid('11', 999);
    }),
  ];
}

export async function makeHeader(lines: readonly ExportLine[], overrides: Partial<ExportBatchHeader> = {}): Promise<ExportBatchHeader> {
  return {
    id: BATCH_ID,
    number: 12,
    createdAt: '2025-04-01T08:30:00.000Z',
    from: '2025-03-01',
    to: '2025-03-31',
    lineCount: lines.length,
    totalCents: lines.reduce((sum, l) => sum + l.totalCents, 0),
    contentHash: await contentHashOf([lines]),
    ...overrides,
  };
}

/** The lines as pages of `size`. */
export async function* pagesOf(lines: readonly ExportLine[], size: number): AsyncGenerator<ExportLine[]> {
  for (let i = 0; i < lines.length; i += size) yield lines.slice(i, i + size);
}

export async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}
