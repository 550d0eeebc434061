import { z } from 'zod';
import { idParams } from '../input/primitives';
import { isoDateTimeSchema, plainText, uuidSchema } from './common';
import type { ParticipantConsentState } from './consent';
import { patientInputSchema, type PatientView } from './patients';
import { defineRoute } from './route';
export const VISIT_STATUSES = ['scheduled', 'waiting', 'in_progress', 'completed', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** Who ended a visit. */
export type VisitEndedBy = 'doctor' | 'patient' | 'system';

/**
 * POST /api/visits: for an existing patient of the directory (`patientId`) or a new one (`patient`).
 * An assistant says for which doctor (`doctorId`); a doctor schedules for themself.
 */
export const createVisitSchema = z
  .strictObject({
    doctorId: uuidSchema.optional(),
    patientId: uuidSchema.optional(),
    patient: patientInputSchema.optional(),
    /** ISO date-time of the appointment; defaults to now. */
    scheduledAt: isoDateTimeSchema.optional(),
  })
  .refine((r) => (r.patientId === undefined) !== (r.patient === undefined), { message: 'give either patientId (a patient of the directory) or patient (a new one)', path: ['patient'] });
export type CreateVisitRequest = z.input<typeof createVisitSchema>;

/** POST /api/queue/message: the doctor's message to their waiting patients (an assistant names the doctor). */
export const queueMessageSchema = z.strictObject({ message: plainText(280), doctorId: uuidSchema.optional() });
export type QueueMessageRequest = z.input<typeof queueMessageSchema>;

/** GET /api/visits/today?doctorId= (doctorId: for an assistant of several doctors). */
export const queueQuerySchema = z.strictObject({ doctorId: uuidSchema.optional() });


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
  /** Where each participant stands on consent (the patient first; then any guest). */
  consents: ParticipantConsentState[];
}

/**
 * Returned when a visit is created or its link is reissued. The join token is shown only here:
 * the server keeps only its hash.
 */
export interface VisitWithLink {
  visit: VisitView;
  /** True when the typed patient matched one of the directory (same names and date of birth) and was reused. */
  patientReused?: boolean;
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
  /** ICE servers (TURN) the browser should use, if any are configured; credentials are time-limited. */
  iceServers: { urls: string | string[]; username?: string; credential?: string }[];
  /** `relay`: the browser must go through TURN (networks that need it; set by the server's configuration). */
  iceTransportPolicy: 'all' | 'relay';
}

export const visitRoutes = {
  today: defineRoute<DoctorQueue>()({ method: 'GET', path: '/api/visits/today', query: queueQuerySchema, access: 'staff' }),
  create: defineRoute<VisitWithLink>()({ method: 'POST', path: '/api/visits', body: createVisitSchema, status: 201, access: 'staff' }),
  get: defineRoute<VisitView>()({ method: 'GET', path: '/api/visits/:id', params: idParams, access: 'staff' }),
  reissueLink: defineRoute<VisitWithLink>()({ method: 'POST', path: '/api/visits/:id/link', params: idParams, status: 201, access: 'staff' }),
  admit: defineRoute<VisitView>()({ method: 'POST', path: '/api/visits/:id/admit', params: idParams, access: 'staff' }),
  end: defineRoute<VisitView>()({ method: 'POST', path: '/api/visits/:id/end', params: idParams, access: 'staff' }),
  mediaAccess: defineRoute<MediaAccess>()({ method: 'POST', path: '/api/visits/:id/media-access', params: idParams, access: 'staff' }),
  queueMessage: defineRoute<void>()({ method: 'POST', path: '/api/queue/message', body: queueMessageSchema, status: 204, access: 'staff' }),
} as const;
