import { z } from 'zod';
import { LANGUAGES, type Language } from './practice';
import { idParams } from '../input/primitives';
import { emailSchema, isoDateSchema, phoneSchema, plainText, uuidSchema } from './common';
import { defineRoute } from './route';
import type { VisitStatus } from './visits';

export const PATIENT_SEXES = ['female', 'male', 'unknown'] as const;

/**
 * A patient typed by staff (new-visit form, patients page). At least a phone number or an e-mail, for
 * the link. The birth name (nom de naissance) when it differs from the name in use.
 */
export const patientInputSchema = z
  .strictObject({
    firstName: plainText(100).min(1, 'firstName is required'),
    lastName: plainText(100).min(1, 'lastName is required'),
    birthName: plainText(100).optional(),
    /** ISO date, YYYY-MM-DD. */
    birthDate: isoDateSchema,
    sex: z.enum(PATIENT_SEXES).optional(),
    /** E.164 phone number, for the SMS link. */
    phone: phoneSchema.optional(),
    email: emailSchema.optional(),
    preferredLanguage: z.enum(LANGUAGES).optional(),
  })
  .refine((p) => p.phone !== undefined || p.email !== undefined, { message: 'give a phone number or an e-mail address for the link', path: ['phone'] })
  .refine((p) => p.birthDate <= new Date().toISOString().slice(0, 10), { message: 'birthDate is in the future', path: ['birthDate'] });
export type PatientInput = z.input<typeof patientInputSchema>;

export interface PatientView {
  id: string;
  firstName: string;
  lastName: string;
  birthName: string | null;
  birthDate: string;
  sex: (typeof PATIENT_SEXES)[number];
  phone: string | null;
  email: string | null;
  preferredLanguage: Language;
}

/** GET /api/patients?q=: name (3 letters or more), date of birth (YYYY-MM-DD or DD/MM/YYYY) or phone, combined. */
export const patientSearchSchema = z.strictObject({ q: plainText(100).min(1, 'q is required') });

export interface PatientListItem extends PatientView {
  /** How many other records of the practice look like the same person (not marked "not a duplicate"). */
  possibleDuplicates: number;
}

export interface PatientDetail extends PatientView {
  createdAt: string;
  /** Likely duplicates: staff compare, and mark "not the same person"; records are never merged silently. */
  possibleDuplicates: (PatientView & { reason: DuplicateReason })[];
}

export type DuplicateReason = 'name_and_birth_date' | 'phone_and_first_name';

export interface DuplicatePair {
  a: PatientView;
  b: PatientView;
  reason: DuplicateReason;
}

/** GET /api/patients/:id/visits */
export interface PatientVisitItem {
  id: string;
  status: VisitStatus;
  scheduledAt: string;
  startedAt: string | null;
  endedAt: string | null;
  doctor: { id: string; displayName: string };
}

/** POST /api/patients: the answer carries the likely duplicates the new record has. */
export interface PatientCreated {
  patient: PatientDetail;
}



/** Route params `:id/not-duplicate/:otherId`. */
export const patientPairParams = z.object({ id: uuidSchema, otherId: uuidSchema });

export const patientRoutes = {
  search: defineRoute<PatientListItem[]>()({ method: 'GET', path: '/api/patients', query: patientSearchSchema, access: 'staff' }),
  duplicates: defineRoute<DuplicatePair[]>()({ method: 'GET', path: '/api/patients/duplicates', access: 'staff' }),
  create: defineRoute<PatientDetail>()({ method: 'POST', path: '/api/patients', body: patientInputSchema, status: 201, access: 'staff' }),
  get: defineRoute<PatientDetail>()({ method: 'GET', path: '/api/patients/:id', params: idParams, access: 'staff' }),
  update: defineRoute<PatientDetail>()({ method: 'PUT', path: '/api/patients/:id', params: idParams, body: patientInputSchema, access: 'staff' }),
  visits: defineRoute<PatientVisitItem[]>()({ method: 'GET', path: '/api/patients/:id/visits', params: idParams, access: 'staff' }),
  notDuplicate: defineRoute<void>()({ method: 'POST', path: '/api/patients/:id/not-duplicate/:otherId', params: patientPairParams, status: 204, access: 'staff' }),
} as const;
