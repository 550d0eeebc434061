import type { IdentityStatus, InsOid, Language, PatientBilling, PatientView } from '@visite/contracts';

/** A patient in clear, as services use it (opened from a `PatientEntity` by `PatientVault`). */
export interface Patient {
  id: string;
  practiceId: string;
  createdAt: Date;
  firstName: string;
  lastName: string;
  birthName: string | null;
  birthDate: string;
  phone: string | null;
  email: string | null;
  preferredLanguage: Language;
  sex: PatientBilling['sex'];
  ins: string | null;
  insOid: InsOid | null;
  identityStatus: IdentityStatus;
  insuredNir: string | null;
  beneficiaryRank: number;
  regularDoctorRpps: string | null;
  /** The regular doctor's MSSanté mailbox (visit reports are sent there). */
  regularDoctorMssante?: string | null;
}

/** The fields a service may write (the vault encrypts and re-indexes what it is given). */
export type PatientFields = Omit<Patient, 'id' | 'practiceId' | 'createdAt'>;

export function toPatientView(p: Patient): PatientView {
  return {
    id: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    birthName: p.birthName,
    birthDate: p.birthDate,
    sex: p.sex,
    phone: p.phone,
    email: p.email,
    preferredLanguage: p.preferredLanguage,
  };
}
