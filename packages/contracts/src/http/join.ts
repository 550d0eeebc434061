import type { VisitStatus } from './visits';

/** GET /api/join/:token: what the patient's page needs to show before entering. */
export interface JoinInfo {
  visitId: string;
  status: VisitStatus;
  patientFirstName: string;
  doctorName: string;
  scheduledAt: string;
  consentGiven: boolean;
  /** Text of the consent the patient must accept, and its version. */
  consent: { version: string; text: string };
}

/** POST /api/join/:token/consent */
export interface GiveConsentRequest {
  version: string;
  accepted: boolean;
}
