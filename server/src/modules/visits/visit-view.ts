import type { ParticipantConsentState, VisitView } from '@visite/contracts';
import { toPatientView, type Patient } from '../patients/patient';
import type { VisitEntity } from './visit.entity';

/** What other modules know of a visit, shown with it (read by the caller for a whole queue at once). */
export interface VisitExtras {
  /** Each participant's consent (the patient first). */
  consents: ParticipantConsentState[];
}

/** A visit as staff see it, with its patient opened (decrypted) by the caller. */
export function toVisitView(visit: VisitEntity, patient: Patient, online: ReadonlySet<string>, extras: VisitExtras): VisitView {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: visit.id,
    status: visit.status,
    scheduledAt: visit.scheduledAt.toISOString(),
    waitingSince: iso(visit.waitingSince),
    startedAt: iso(visit.startedAt),
    endedAt: iso(visit.endedAt),
    endedBy: visit.endedBy,
    doctor: { id: visit.doctor.id, displayName: visit.doctor.displayName },
    patient: toPatientView(patient),
    patientOnline: online.has(visit.id),
    consents: extras.consents,
  };
}
