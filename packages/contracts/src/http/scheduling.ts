import { z } from 'zod';
import { idParams, uuid } from '../input/primitives';
import { emailSchema, isoDateSchema, isoDateTimeSchema, phoneSchema, plainText, uuidSchema } from './common';
import { patientInputSchema } from './patients';
import { LANGUAGES, timeZoneSchema } from './practice';
import { defineRoute } from './route';
import type { VisitView, VisitWithLink } from './visits';

/**
 * Availability (opening hours, absences, visit types), slots and bookings. Times of day are wall-clock
 * `HH:MM` in the doctor's time zone (the practice's unless the doctor has their own); instants are ISO
 * date-times with an offset. The computation is `@visite/scheduling` (docs/scheduling.md).
 */

const WALL_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
export const wallTimeSchema = z.string().regex(WALL_TIME, { message: 'must be a time of day written HH:MM (00:00 to 24:00)' });

export const weeklyRangeSchema = z.strictObject({
  /** ISO weekday: 1 Monday ... 7 Sunday. */
  weekday: z.number().int().min(1, { message: 'weekday must be 1 (Monday) to 7 (Sunday)' }).max(7, { message: 'weekday must be 1 (Monday) to 7 (Sunday)' }),
  start: wallTimeSchema,
  end: wallTimeSchema,
});
export type WeeklyRangeInput = z.infer<typeof weeklyRangeSchema>;

export const DEFAULT_HORIZON_DAYS = 60;
export const DEFAULT_MIN_NOTICE_MINUTES = 120;

/** PUT /api/doctors/:doctorId/availability */
export const availabilityInputSchema = z.strictObject({
  /** The doctor's own zone (a doctor practising from Montréal or La Réunion); null: the practice's. */
  timeZone: timeZoneSchema.nullable().default(null),
  weekly: z.array(weeklyRangeSchema).max(70, { message: 'at most 70 ranges a week' }),
  /** How far ahead patients and staff may book. */
  horizonDays: z.number().int().min(1).max(366).default(DEFAULT_HORIZON_DAYS),
  /** How long before a slot it can still be booked (online; staff too). */
  minNoticeMinutes: z.number().int().min(0).max(30 * 1440).default(DEFAULT_MIN_NOTICE_MINUTES),
  /** Whether the doctor appears on the practice's public booking page and has one of their own. */
  publicBooking: z.boolean().default(true),
});
export type AvailabilityInput = z.input<typeof availabilityInputSchema>;

export const VISIT_TYPE_KINDS = ['first', 'follow_up', 'other'] as const;
export type VisitTypeKind = (typeof VISIT_TYPE_KINDS)[number];

export interface VisitTypeView {
  id: string;
  /** null: a type of the whole practice, offered by every doctor. */
  doctorId: string | null;
  name: string;
  kind: VisitTypeKind;
  durationMinutes: number;
  /** Offered on the public booking page. */
  publicBooking: boolean;
}

export interface AbsenceView {
  id: string;
  /** null: the whole practice is closed (a public holiday). */
  doctorId: string | null;
  startDate: string;
  endDate: string;
  startTime: string | null;
  endTime: string | null;
  label: string | null;
}

/** GET /api/doctors/:doctorId/availability */
export interface AvailabilityView {
  doctorId: string;
  doctorName: string;
  /** The zone the hours are in (the doctor's own, else the practice's). */
  timeZone: string;
  ownTimeZone: string | null;
  weekly: WeeklyRangeInput[];
  horizonDays: number;
  minNoticeMinutes: number;
  publicBooking: boolean;
  /** The doctor's types and the practice's. */
  visitTypes: VisitTypeView[];
  /** Absences of the doctor and closures of the practice that have not ended. */
  absences: AbsenceView[];
}

export const visitTypeInputSchema = z.strictObject({
  /** Omitted: a type of the whole practice (an admin's). */
  doctorId: uuidSchema.optional(),
  name: plainText(80).min(1, { message: 'name is required' }),
  kind: z.enum(VISIT_TYPE_KINDS).default('other'),
  durationMinutes: z.number().int().min(5, { message: 'a visit lasts 5 minutes or more' }).max(240, { message: 'a visit lasts at most 4 hours' }),
  publicBooking: z.boolean().default(true),
});
export type VisitTypeInput = z.input<typeof visitTypeInputSchema>;
export const visitTypeUpdateSchema = visitTypeInputSchema.omit({ doctorId: true });

export const absenceInputSchema = z.strictObject({
  /** Omitted: the whole practice is closed (an admin's). */
  doctorId: uuidSchema.optional(),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  /** Omitted: from the start of `startDate`. */
  startTime: wallTimeSchema.optional(),
  /** Omitted: to the end of `endDate`. */
  endTime: wallTimeSchema.optional(),
  label: plainText(120).optional(),
});
export type AbsenceInput = z.input<typeof absenceInputSchema>;

export const doctorIdParams = z.object({ doctorId: uuid() });
export const visitTypesQuerySchema = z.strictObject({ doctorId: uuidSchema.optional() });

/** `from`/`to`: local dates (inclusive) in the doctor's zone; at most 62 days. */
export const slotsQuerySchema = z
  .strictObject({ visitTypeId: uuidSchema, from: isoDateSchema, to: isoDateSchema })
  .refine((q) => q.to >= q.from, { message: 'to is before from', path: ['to'] });
export const MAX_SLOT_DAYS = 62;

export interface SlotView {
  start: string;
  end: string;
}

export interface SlotsView {
  doctorId: string;
  visitTypeId: string;
  timeZone: string;
  slots: SlotView[];
}

/** GET /api/doctors/:doctorId/schedule?from&to: the week view (booked visits with their times). */
export const scheduleQuerySchema = z
  .strictObject({ from: isoDateSchema, to: isoDateSchema })
  .refine((q) => q.to >= q.from, { message: 'to is before from', path: ['to'] });

export interface ScheduledVisit {
  visit: VisitView;
  endsAt: string | null;
  visitType: { id: string; name: string } | null;
  bookedBy: 'staff' | 'patient';
  /** What the patient said when booking online (health data, decrypted for staff). */
  reason: string | null;
}

export interface ScheduleView {
  doctorId: string;
  timeZone: string;
  visits: ScheduledVisit[];
}

/** POST /api/bookings: staff book a slot for a patient of the directory or a new one. */
export const staffBookingSchema = z
  .strictObject({
    doctorId: uuidSchema.optional(),
    visitTypeId: uuidSchema,
    start: isoDateTimeSchema,
    patientId: uuidSchema.optional(),
    patient: patientInputSchema.optional(),
  })
  .refine((r) => (r.patientId === undefined) !== (r.patient === undefined), { message: 'give either patientId (a patient of the directory) or patient (a new one)', path: ['patient'] });
export type StaffBookingRequest = z.input<typeof staffBookingSchema>;

/** POST /api/visits/:id/reschedule (staff) and POST /api/join/:token/reschedule (the patient). */
export const rescheduleSchema = z.strictObject({ start: isoDateTimeSchema });
export type RescheduleRequest = z.input<typeof rescheduleSchema>;

// ---- The public booking page (no account) ----

export const publicPracticeParams = z.object({ practiceId: uuid() });

export interface PublicDoctor {
  id: string;
  displayName: string;
  timeZone: string;
  visitTypes: VisitTypeView[];
}

/** GET /api/public/practices/:practiceId/booking */
export interface PublicBookingPage {
  practiceId: string;
  practiceName: string;
  phone: string | null;
  timeZone: string;
  language: (typeof LANGUAGES)[number];
  doctors: PublicDoctor[];
}

export const publicSlotsQuerySchema = z
  .strictObject({ doctorId: uuidSchema, visitTypeId: uuidSchema, from: isoDateSchema, to: isoDateSchema })
  .refine((q) => q.to >= q.from, { message: 'to is before from', path: ['to'] });

/** POST /api/public/practices/:practiceId/bookings */
export const publicBookingSchema = z
  .strictObject({
    doctorId: uuidSchema,
    visitTypeId: uuidSchema,
    start: isoDateTimeSchema,
    firstName: plainText(100).min(1, { message: 'firstName is required' }),
    lastName: plainText(100).min(1, { message: 'lastName is required' }),
    birthDate: isoDateSchema,
    phone: phoneSchema.optional(),
    email: emailSchema.optional(),
    /** Why the patient wants to be seen (health data: stored encrypted). */
    reason: plainText(500).optional(),
    /** The patient agrees to be contacted about this appointment (confirmation, reminders). Required. */
    consentToContact: z.literal(true, { message: 'the patient must agree to be contacted about the appointment' }),
    language: z.enum(LANGUAGES).optional(),
    /** The patient's time zone (the browser's): the times in their messages. Default: the doctor's. */
    timeZone: timeZoneSchema.optional(),
  })
  .refine((p) => p.phone !== undefined || p.email !== undefined, { message: 'give a phone number or an e-mail address', path: ['phone'] })
  .refine((p) => p.birthDate <= new Date().toISOString().slice(0, 10), { message: 'birthDate is in the future', path: ['birthDate'] });
export type PublicBookingRequest = z.input<typeof publicBookingSchema>;

/** The answer to a public booking: what the confirmation page shows. */
export interface BookingConfirmation {
  start: string;
  end: string;
  timeZone: string;
  doctorName: string;
  practiceName: string;
  visitTypeName: string;
  /** The patient's personal link (also sent by e-mail/SMS): waiting room, cancel, reschedule. */
  joinUrl: string;
  /** Where the confirmation went (masked). */
  sentTo: string[];
}

// ---- The patient's link: their booking ----

/** GET /api/join/:token/booking */
export interface JoinBooking {
  start: string;
  end: string | null;
  timeZone: string;
  doctorName: string;
  practiceName: string;
  practicePhone: string | null;
  visitTypeName: string | null;
  /** Until when the patient may still cancel or reschedule online (null: not a bookable visit). */
  changeUntil: string | null;
  canChange: boolean;
  status: string;
}

export const joinSlotsQuerySchema = z
  .strictObject({ from: isoDateSchema, to: isoDateSchema })
  .refine((q) => q.to >= q.from, { message: 'to is before from', path: ['to'] });

const joinTokenParams = z.object({ token: z.string().max(200) });

/** Codes of the scheduling refusals (texts in the errors catalogue). */
export const SCHEDULING_ERROR_CODES = [
  'HOURS_END_BEFORE_START', 'HOURS_OVERLAP', 'ABSENCE_END_BEFORE_START', 'ABSENCE_NOT_FOUND', 'VISIT_TYPE_NOT_FOUND', 'VISIT_TYPE_NOT_OFFERED',
  'SLOT_IN_PAST', 'SLOT_UNDER_NOTICE', 'SLOT_BEYOND_HORIZON', 'SLOT_OUTSIDE_HOURS', 'SLOT_DURING_ABSENCE', 'SLOT_TAKEN', 'RANGE_TOO_LONG',
  'BOOKING_NOT_FOUND', 'CHANGE_TOO_LATE', 'NOT_A_BOOKING', 'PRACTICE_WIDE_ADMIN_ONLY',
] as const;
export type SchedulingErrorCode = (typeof SCHEDULING_ERROR_CODES)[number];

export const schedulingRoutes = {
  availability: defineRoute<AvailabilityView>()({ method: 'GET', path: '/api/doctors/:doctorId/availability', params: doctorIdParams, access: 'staff' }),
  setAvailability: defineRoute<AvailabilityView>()({ method: 'PUT', path: '/api/doctors/:doctorId/availability', params: doctorIdParams, body: availabilityInputSchema, access: 'staff' }),
  slots: defineRoute<SlotsView>()({ method: 'GET', path: '/api/doctors/:doctorId/slots', params: doctorIdParams, query: slotsQuerySchema, access: 'staff' }),
  visitTypes: defineRoute<VisitTypeView[]>()({ method: 'GET', path: '/api/visit-types', query: visitTypesQuerySchema, access: 'staff' }),
  createVisitType: defineRoute<VisitTypeView>()({ method: 'POST', path: '/api/visit-types', body: visitTypeInputSchema, status: 201, access: 'staff' }),
  updateVisitType: defineRoute<VisitTypeView>()({ method: 'PUT', path: '/api/visit-types/:id', params: idParams, body: visitTypeUpdateSchema, access: 'staff' }),
  deleteVisitType: defineRoute<void>()({ method: 'DELETE', path: '/api/visit-types/:id', params: idParams, status: 204, access: 'staff' }),
  createAbsence: defineRoute<AbsenceView>()({ method: 'POST', path: '/api/absences', body: absenceInputSchema, status: 201, access: 'staff' }),
  deleteAbsence: defineRoute<void>()({ method: 'DELETE', path: '/api/absences/:id', params: idParams, status: 204, access: 'staff' }),
} as const;

export const bookingRoutes = {
  schedule: defineRoute<ScheduleView>()({ method: 'GET', path: '/api/doctors/:doctorId/schedule', params: doctorIdParams, query: scheduleQuerySchema, access: 'staff' }),
  book: defineRoute<VisitWithLink>()({ method: 'POST', path: '/api/bookings', body: staffBookingSchema, status: 201, access: 'staff' }),
  reschedule: defineRoute<VisitView>()({ method: 'POST', path: '/api/visits/:id/reschedule', params: idParams, body: rescheduleSchema, access: 'staff' }),
} as const;

export const publicBookingRoutes = {
  page: defineRoute<PublicBookingPage>()({ method: 'GET', path: '/api/public/practices/:practiceId/booking', params: publicPracticeParams, access: 'public' }),
  slots: defineRoute<SlotsView>()({ method: 'GET', path: '/api/public/practices/:practiceId/slots', params: publicPracticeParams, query: publicSlotsQuerySchema, access: 'public' }),
  book: defineRoute<BookingConfirmation>()({ method: 'POST', path: '/api/public/practices/:practiceId/bookings', params: publicPracticeParams, body: publicBookingSchema, status: 201, access: 'public' }),
} as const;

export const joinBookingRoutes = {
  booking: defineRoute<JoinBooking>()({ method: 'GET', path: '/api/join/:token/booking', params: joinTokenParams, access: 'join' }),
  slots: defineRoute<SlotsView>()({ method: 'GET', path: '/api/join/:token/slots', params: joinTokenParams, query: joinSlotsQuerySchema, access: 'join' }),
  reschedule: defineRoute<JoinBooking>()({ method: 'POST', path: '/api/join/:token/reschedule', params: joinTokenParams, body: rescheduleSchema, access: 'join' }),
  cancel: defineRoute<JoinBooking>()({ method: 'POST', path: '/api/join/:token/cancel', params: joinTokenParams, access: 'join' }),
} as const;
