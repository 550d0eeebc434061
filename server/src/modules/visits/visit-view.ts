import type { VisitView } from '@visite/contracts';
import { toPatientView, type Patient } from '../patients/patient';
import type { VisitEntity } from './visit.entity';

/** A visit as staff see it, with its patient opened (decrypted) by the caller. */
export function toVisitView(visit: VisitEntity, patient: Patient, online: ReadonlySet<string>): VisitView {
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
  };
}
