import { sampleTcgCoding } from '@visite/billing';
import type { BillingLineView, CodeProposal, FeeEntry, LineCoding, PatientBilling, PractitionerBilling } from '@visite/contracts';

/** Data for the specs of the billing screens' pure logic (not used by the app). */

export function fee(code: string, amountCents: number | null, kind: FeeEntry['kind'] = 'act'): FeeEntry {
  return { code, kind, label: `${code} label`, validFrom: '2024-01-01', validTo: null, amountCents, toConfirm: amountCents === null, source: 'test' };
}

export const FEES: FeeEntry[] = [fee('TCG', 3000), fee('TC', 2500), fee('TE2', 2000), fee('RQD', 1500), fee('TLS', null), fee('MOP', 500, 'addon')];

export const GP: PractitionerBilling = {
  rpps: '10101010101',
  amNumber: '123456789',
  profession: 'physician',
  specialty: 'general_practice',
  sector: '1',
  optam: false,
  firstName: 'Claire',
  lastName: 'Martin',
};

export const PATIENT: PatientBilling = {
  firstName: 'Marie',
  lastName: 'Curie',
  birthDate: '1967-11-07',
  sex: 'female',
  ins: null,
  insOid: null,
  identityStatus: 'PROV',
  insuredNir: '267117512345631',
  beneficiaryRank: 1,
  regularDoctorRpps: null,
};

export const PROPOSAL: CodeProposal = { code: 'TCG', amountCents: 3000, reason: 'General practitioner, video.' };

export const CODING: LineCoding = sampleTcgCoding({ amountCents: 3000 });

export function lineView(overrides: Partial<BillingLineView> = {}): BillingLineView {
  return {
    id: 'line-1',
    visitId: 'visit-1',
    patientId: 'patient-1',
    state: 'ready',
    dateOfService: '2025-06-03',
    doctor: { id: 'doctor-1', displayName: 'Dr Claire Martin' },
    input: {
      practitioner: GP,
      patient: PATIENT,
      visit: { visitId: 'visit-1', dateOfService: '2025-06-03', modality: 'video' },
      coding: CODING,
      context: {},
    },
    results: [],
    hasErrors: false,
    hasWarnings: false,
    warningsAcknowledged: null,
    feeTableVersion: 'test',
    rulesVersion: 'test',
    totalCents: 3000,
    batchId: null,
    replacesLineId: null,
    voided: null,
    createdAt: '2025-06-03T10:00:00Z',
    updatedAt: '2025-06-03T10:00:00Z',
    ...overrides,
  };
}
