import { z } from 'zod';
import { email } from '../input/primitives';
import { defineRoute } from './route';

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

export const loginBodySchema = z.object({
  email: email(),
  password: z.string().min(1, { message: 'is required' }).max(200),
}) satisfies z.ZodType<LoginRequest>;

export const authRoutes = {
  login: defineRoute<CurrentUser>()({ method: 'POST', path: '/api/auth/login', body: loginBodySchema, access: 'public' }),
  logout: defineRoute<void>()({ method: 'POST', path: '/api/auth/logout', status: 204, access: 'public' }),
  me: defineRoute<CurrentUser>()({ method: 'GET', path: '/api/auth/me', access: 'staff' }),
} as const;
