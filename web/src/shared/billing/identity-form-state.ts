import { checkNir, insOidFor } from '@visite/billing';
import type { IdentityStatus, InsOid, PatientBilling, PatientIdentityUpdate } from '@visite/contracts';
import { INS_OID_NIR } from '@visite/contracts';

/** The patient's billing identity as typed (doctor's coding screen and biller's correction). */
export interface IdentityFormState {
  sex: PatientBilling['sex'];
  identityStatus: IdentityStatus;
  insuredNir: string;
  beneficiaryRank: string;
  /** Sent only when the identity is qualified (QUAL). */
  ins: string;
  insOid: InsOid;
  regularDoctorRpps: string;
}

export type IdentityField = 'beneficiaryRank' | 'regularDoctorRpps';
export type IdentityFormErrors = Partial<Record<IdentityField, `identity.errors.${IdentityField}`>>;

/** Message keys (`billing-forms` catalogue) of the field errors. */
export const IDENTITY_ERRORS = {
  beneficiaryRank: 'identity.errors.beneficiaryRank',
  regularDoctorRpps: 'identity.errors.regularDoctorRpps',
} as const satisfies Record<IdentityField, `identity.errors.${IdentityField}`>;

const RPPS_FORMAT = /^\d{11}$/;

/** Removes the spaces, dots and dashes people type in numbers; upper case (2A, 2B). */
export function compactNumber(text: string): string {
  return text.replace(/[\s.\-]/g, '').toUpperCase();
}

export function initialIdentityForm(patient: PatientBilling): IdentityFormState {
  return {
    sex: patient.sex,
    identityStatus: patient.identityStatus,
    insuredNir: patient.insuredNir ?? '',
    beneficiaryRank: String(patient.beneficiaryRank),
    ins: patient.ins ?? '',
    insOid: patient.insOid ?? INS_OID_NIR,
    regularDoctorRpps: patient.regularDoctorRpps ?? '',
  };
}

/**
 * Checks the form and builds the update, or returns the errors to show by field. A NIR or an INS that does
 * not check out does not block saving: rules F9 and F10 report it on the line (see `identityHints`).
 */
export function readIdentityForm(state: IdentityFormState): { update: PatientIdentityUpdate } | { errors: IdentityFormErrors } {
  const errors: IdentityFormErrors = {};
  const rankText = state.beneficiaryRank.trim();
  const rank = /^\d+$/.test(rankText) ? Number(rankText) : NaN;
  if (!(rank >= 1 && rank <= 99)) errors.beneficiaryRank = IDENTITY_ERRORS.beneficiaryRank;

  const regularDoctorRpps = compactNumber(state.regularDoctorRpps);
  if (regularDoctorRpps && !RPPS_FORMAT.test(regularDoctorRpps)) errors.regularDoctorRpps = IDENTITY_ERRORS.regularDoctorRpps;

  if (Object.keys(errors).length > 0) return { errors };
  const qualified = state.identityStatus === 'QUAL';
  const ins = compactNumber(state.ins);
  return {
    update: {
      sex: state.sex,
      identityStatus: state.identityStatus,
      insuredNir: compactNumber(state.insuredNir) || null,
      beneficiaryRank: rank,
      ins: qualified && ins ? ins : null,
      insOid: qualified && ins ? state.insOid : null,
      regularDoctorRpps: regularDoctorRpps || null,
    },
  };
}

/** What is wrong with the NIR and the INS as typed (shown as hints while typing), or nothing. */
export function identityHints(state: IdentityFormState): { insuredNir?: string; ins?: string } {
  const hints: { insuredNir?: string; ins?: string } = {};
  const nir = compactNumber(state.insuredNir);
  if (nir) {
    const check = checkNir(nir);
    if (!check.valid) hints.insuredNir = check.reason;
  }
  const ins = compactNumber(state.ins);
  if (state.identityStatus === 'QUAL' && ins) {
    const check = checkNir(ins);
    if (!check.valid) hints.ins = check.reason;
  }
  return hints;
}

/** Typing the INS picks its OID: NIR for a first digit 1 or 2, NIA for 7 or 8. */
export function withIns(state: IdentityFormState, ins: string): IdentityFormState {
  return { ...state, ins, insOid: insOidFor(compactNumber(ins)) ?? state.insOid };
}

/** The "I am this patient's regular doctor" box is ticked when the regular doctor's RPPS is this doctor's. */
export function isSelfRegularDoctor(state: IdentityFormState, selfRpps: string | null): boolean {
  return !!selfRpps && compactNumber(state.regularDoctorRpps) === selfRpps;
}

export function withSelfRegularDoctor(state: IdentityFormState, selfRpps: string, checked: boolean): IdentityFormState {
  if (checked) return { ...state, regularDoctorRpps: selfRpps };
  return isSelfRegularDoctor(state, selfRpps) ? { ...state, regularDoctorRpps: '' } : state;
}
