import type { UserRole } from '@visite/contracts';

/**
 * Who is asking, as every service method receives it: the signed-in user, their practice and role,
 * and for an assistant the doctors they assist. Built once per request (or socket) by the session guard.
 */
export interface Actor {
  userId: string;
  practiceId: string;
  role: UserRole;
  displayName: string;
  /** Doctors an assistant assists (empty for other roles). */
  assists: readonly string[];
}
