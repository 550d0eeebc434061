export const USER_ROLES = ['doctor', 'assistant', 'billing', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** POST /api/auth/login. On success the session is an httpOnly cookie; the body is the user. */
export interface LoginRequest {
  email: string;
  password: string;
}

/** GET /api/auth/me, and the body of a successful login. */
export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  practice: { id: string; name: string };
  /** For an assistant: the doctors whose queues they manage. */
  assists: { id: string; displayName: string }[];
}
