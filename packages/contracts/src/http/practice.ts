import { z } from 'zod';
import { phoneSchema, plainText } from './common';
import { defineRoute } from './route';
import { DEFAULT_REMINDER_OFFSETS_MINUTES, reminderOffsetsSchema } from './messages';


/** Languages Visite speaks to people (staff screens, patients' messages). French is the default. */
export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** An IANA time zone the runtime knows (Europe/Paris, America/Martinique...). */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'timeZone must be an IANA time zone such as Europe/Paris');

export const practiceAddressSchema = z.strictObject({
  street: plainText(200).min(1),
  postalCode: plainText(12).min(1),
  city: plainText(100).min(1),
  country: z.string().regex(/^[A-Z]{2}$/, 'country must be an ISO 3166 code such as FR').default('FR'),
});

/**
 * A practice's settings, stored as one JSON document. The fields here are the ones in force; features
 * add theirs as optional fields with defaults (reminder offsets, cancellation rules, date-of-birth check
 * at the join page...), so a stored document written before a field existed still parses.
 */
export const practiceSettingsSchema = z.strictObject({
  /** "Today", join windows and dates of service are computed in it. */
  timeZone: timeZoneSchema,
  /** The number shown to patients (join page, messages). */
  phone: phoneSchema.nullable().default(null),
  address: practiceAddressSchema.nullable().default(null),
  /** Default language of the practice's messages and screens. */
  language: z.enum(LANGUAGES).default('fr'),
  /** Reminders to patients, in minutes before the appointment (messaging). Empty: no reminders. */
  reminderOffsetsMinutes: reminderOffsetsSchema.default([...DEFAULT_REMINDER_OFFSETS_MINUTES]),
  /** Patients may cancel or reschedule from their link up to this many hours before the appointment (staff always can). */
  patientChangeMinHours: z.number().int().min(0).max(720).default(24),
});
export type PracticeSettings = z.infer<typeof practiceSettingsSchema>;

export const practiceNameSchema = plainText(200).min(1, 'name is required');

/** GET /api/practice (any signed-in staff), PUT /api/practice (admin). */
export interface PracticeView {
  id: string;
  name: string;
  settings: PracticeSettings;
}

/** PUT /api/practice */
export const updatePracticeSchema = z.strictObject({ name: practiceNameSchema, settings: practiceSettingsSchema });
export type UpdatePracticeRequest = z.infer<typeof updatePracticeSchema>;

export const practiceRoutes = {
  get: defineRoute<PracticeView>()({ method: 'GET', path: '/api/practice', access: 'staff' }),
  update: defineRoute<PracticeView>()({ method: 'PUT', path: '/api/practice', body: updatePracticeSchema, access: 'staff' }),
} as const;
