import { z } from 'zod';
import { defineRoute } from './route';
import type { MediaAccess, VisitStatus } from './visits';
import { giveConsentBodySchema, type ConsentTextToAccept, type ParticipantConsentState } from './consent';

/** GET /api/join/:token: what the patient's page needs to show before entering. */
export interface JoinInfo {
  visitId: string;
  status: VisitStatus;
  patientFirstName: string;
  doctorName: string;
  scheduledAt: string;
  /** The practice, so that every failure screen can say whom to call. */
  practice: { name: string; phone: string | null };
  /** Every required consent is given (and not withdrawn): the waiting room and the media are open. */
  consentGiven: boolean;
  /** The texts the patient must accept (the practice's versions in force), and where the patient stands. */
  consent: { texts: ConsentTextToAccept[]; state: ParticipantConsentState };
}

/** `:token` of the patient's routes; its shape is checked by the service (an unknown link is a 404). */
export const joinTokenParams = z.object({ token: z.string().max(200) });

export const joinRoutes = {
  info: defineRoute<JoinInfo>()({ method: 'GET', path: '/api/join/:token', params: joinTokenParams, access: 'join' }),
  consent: defineRoute<JoinInfo>()({ method: 'POST', path: '/api/join/:token/consent', params: joinTokenParams, body: giveConsentBodySchema, access: 'join' }),
  /** The patient withdraws every consent given: their media ends at once (the SFU drops them). */
  withdrawConsent: defineRoute<JoinInfo>()({ method: 'POST', path: '/api/join/:token/consent/withdraw', params: joinTokenParams, access: 'join' }),
  mediaAccess: defineRoute<MediaAccess>()({ method: 'POST', path: '/api/join/:token/media-access', params: joinTokenParams, access: 'join' }),
  end: defineRoute<void>()({ method: 'POST', path: '/api/join/:token/end', params: joinTokenParams, status: 204, access: 'join' }),
} as const;
