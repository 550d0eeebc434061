import { z } from 'zod';
import { defineRoute } from './route';
import type { MediaAccess, VisitStatus } from './visits';

/** GET /api/join/:token: what the patient's page needs to show before entering. */
export interface JoinInfo {
  visitId: string;
  status: VisitStatus;
  patientFirstName: string;
  doctorName: string;
  scheduledAt: string;
  /** The practice, so that every failure screen can say whom to call. */
  practice: { name: string; phone: string | null };
  consentGiven: boolean;
  /** Text of the consent the patient must accept, and its version. */
  consent: { version: string; text: string };
}

/** POST /api/join/:token/consent */
export interface GiveConsentRequest {
  version: string;
  accepted: boolean;
}

/** `:token` of the patient's routes; its shape is checked by the service (an unknown link is a 404). */
export const joinTokenParams = z.object({ token: z.string().max(200) });

export const giveConsentBodySchema = z
  .object({
    version: z.string().min(1).max(20),
    accepted: z.boolean(),
  })
  .strict() satisfies z.ZodType<GiveConsentRequest>;

export const joinRoutes = {
  info: defineRoute<JoinInfo>()({ method: 'GET', path: '/api/join/:token', params: joinTokenParams, access: 'join' }),
  consent: defineRoute<JoinInfo>()({ method: 'POST', path: '/api/join/:token/consent', params: joinTokenParams, body: giveConsentBodySchema, access: 'join' }),
  mediaAccess: defineRoute<MediaAccess>()({ method: 'POST', path: '/api/join/:token/media-access', params: joinTokenParams, access: 'join' }),
  end: defineRoute<void>()({ method: 'POST', path: '/api/join/:token/end', params: joinTokenParams, status: 204, access: 'join' }),
} as const;
