export const VISIT_STATUSES = ['scheduled', 'waiting', 'in_progress', 'completed', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** Who ended a visit. */
export type VisitEndedBy = 'doctor' | 'patient' | 'system';

export interface PatientInput {
  firstName: string;
  lastName: string;
  /** ISO date, YYYY-MM-DD. */
  birthDate: string;
  /** E.164 phone number, for the SMS link. At least one of phone and email. */
  phone?: string;
  email?: string;
}

/** POST /api/visits */
export interface CreateVisitRequest {
  patient: PatientInput;
  /** ISO date-time of the appointment; defaults to now. */
  scheduledAt?: string;
}

export interface PatientView {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  phone: string | null;
  email: string | null;
}

export interface VisitView {
  id: string;
  status: VisitStatus;
  scheduledAt: string;
  waitingSince: string | null;
  startedAt: string | null;
  endedAt: string | null;
  endedBy: VisitEndedBy | null;
  doctor: { id: string; displayName: string };
  patient: PatientView;
  /** Whether the patient is connected to the waiting room or the consultation right now. */
  patientOnline: boolean;
}

/**
 * Returned when a visit is created or its link is reissued. The join token is shown only here:
 * the server keeps only its hash.
 */
export interface VisitWithLink {
  visit: VisitView;
  joinUrl: string;
  joinExpiresAt: string;
}

/** GET /api/visits/today: the doctor's daily queue. */
export interface DoctorQueue {
  visits: VisitView[];
}

/** Where and how to join the media room: returned to doctor and patient once the visit is in progress. */
export interface MediaAccess {
  sfuUrl: string;
  token: string;
  roomId: string;
  peerId: string;
  /** ICE servers (TURN) the browser should use, if any are configured. */
  iceServers: { urls: string | string[]; username?: string; credential?: string }[];
}
