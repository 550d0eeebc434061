import { authRoutes } from './auth';
import { billingRoutes, visitCodingRoutes } from './billing';
import { healthRoutes } from './health';
import { consentRoutes } from './consent';
import { historyRoutes } from './history';
import { joinRoutes } from './join';
import { messageRoutes } from './messages';
import { notesRoutes } from './notes';
import { practiceRoutes } from './practice';
import type { RouteDefinition } from './route';
import { patientRoutes } from './patients';
import { readinessRoutes } from './readiness';
import { bookingRoutes, joinBookingRoutes, publicBookingRoutes, schedulingRoutes } from './scheduling';
import { reportRoutes } from './reports';
import { passwordTokenRoutes, staffRoutes } from './staff';
import { visitRoutes } from './visits';

/** Every HTTP route of the API, by domain. Tests iterate over it (fuzzing, isolation, headers). */
export const API_ROUTES = {
  auth: authRoutes,
  health: healthRoutes,
  visits: visitRoutes,
  join: joinRoutes,
  consent: consentRoutes,
  practice: practiceRoutes,
  billing: billingRoutes,
  visitCoding: visitCodingRoutes,
  messages: messageRoutes,
  staff: staffRoutes,
  passwordTokens: passwordTokenRoutes,
  patients: patientRoutes,
  readiness: readinessRoutes,
  notes: notesRoutes,
  history: historyRoutes,
  scheduling: schedulingRoutes,
  bookings: bookingRoutes,
  publicBooking: publicBookingRoutes,
  joinBooking: joinBookingRoutes,
  reports: reportRoutes,
} as const;

/** The same routes as one list. */
export function allRoutes(): RouteDefinition[] {
  return Object.values(API_ROUTES).flatMap((group) => Object.values(group) as RouteDefinition[]);
}
