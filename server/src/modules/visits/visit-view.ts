import type { VisitView } from '@visite/contracts';
import type { VisitEntity } from './visit.entity';

export function toVisitView(visit: VisitEntity, online: ReadonlySet<string>): VisitView {
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
    patient: {
      id: visit.patient.id,
      firstName: visit.patient.firstName,
      lastName: visit.patient.lastName,
      birthDate: visit.patient.birthDate,
      phone: visit.patient.phone,
      email: visit.patient.email,
    },
    patientOnline: online.has(visit.id),
  };
}
