import { INS_OID_NIR, type BillingLineInput, type LineCoding } from '@visite/contracts';

/** A plain TCG coding at the 2026 fee, the patient at home: the coding screen's usual answer. */
export function sampleTcgCoding(overrides: Partial<LineCoding> = {}): LineCoding {
  return {
    code: 'TCG',
    amountCents: 2500,
    addOns: [],
    extraFeeCents: 0,
    otherProfessionalRpps: null,
    thirdPartyPayment: false,
    coveragePercent: 70,
    referral: false,
    careException: null,
    exceptionReason: null,
    sickNote: null,
    patientLocation: 'home',
    ...overrides,
  };
}

/**
 * A GP in sector 1 billing TCG for a video visit with one of their own patients on 2026-03-10: no rule
 * fails. For tests, examples and documentation; the identifiers are fictitious but well formed
 * (insured NIR '2951099126111' with its key 93, QUAL INS under the NIR OID).
 */
export function sampleLineInput(): BillingLineInput {
  return {
    practitioner: {
      rpps: '10003456789',
      amNumber: '751234567',
      profession: 'physician',
      specialty: 'general_practice',
      sector: '1',
      optam: false,
      firstName: 'Claire',
      lastName: 'Martin',
    },
    patient: {
      firstName: 'Julie',
      lastName: 'Durand',
      birthDate: '1995-10-14',
      sex: 'female',
      ins: '295109912611193',
      insOid: INS_OID_NIR,
      identityStatus: 'QUAL',
      insuredNir: '295109912611193',
      beneficiaryRank: 1,
      regularDoctorRpps: '10003456789',
    },
    visit: { visitId: 'visit-1', dateOfService: '2026-03-10', modality: 'video' },
    coding: sampleTcgCoding(),
    context: {},
  };
}
