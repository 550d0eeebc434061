import { z } from 'zod';
import { USER_ROLES, type UserRole } from './auth';
import type { MessageOutcome, MessageState, StaffMessageKind } from './messages';
import { idParams } from '../input/primitives';
import { emailSchema, plainText, uuidSchema } from './common';
import { defineRoute } from './route';

/** Staff passwords: at least 12 characters (and not one of the most common ones). */
export const PASSWORD_MIN_LENGTH = 12;
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `password must have at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, 'password must have at most 200 characters');


export type StaffStatus = 'invited' | 'active' | 'disabled';

/** GET /api/staff (admin): the practice's accounts. */
export interface StaffMemberView {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  status: StaffStatus;
  /** For assistants: the doctors they assist. */
  assists: { id: string; displayName: string }[];
  createdAt: string;
  /** The latest set-password e-mail (invitation or reset) and how its delivery went; null if none. */
  passwordEmail: StaffEmailView | null;
}

/** A set-password e-mail to a staff member, as the admin sees it. */
export interface StaffEmailView {
  kind: StaffMessageKind;
  state: MessageState;
  outcome: MessageOutcome | null;
  /** The mail server's reason for the latest failure, addresses masked. */
  error: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** POST /api/staff (admin): invite. The answer carries the set-password link (shown once). */
export const inviteStaffSchema = z.strictObject({
  email: emailSchema,
  displayName: plainText(200).min(1, 'displayName is required'),
  role: z.enum(USER_ROLES),
  /** Doctors an assistant assists (ids of doctors of the practice); only for assistants. */
  assists: z.array(uuidSchema).max(50).default([]),
});
export type InviteStaffRequest = z.input<typeof inviteStaffSchema>;

/** PUT /api/staff/:id (admin): role and doctors assisted. */
export const updateStaffSchema = z.strictObject({
  displayName: plainText(200).min(1, 'displayName is required'),
  role: z.enum(USER_ROLES),
  assists: z.array(uuidSchema).max(50).default([]),
});
export type UpdateStaffRequest = z.input<typeof updateStaffSchema>;

/** The answer to an invitation or a reset: the link to send to the person (its token is shown only here). */
export interface PasswordLinkView {
  member: StaffMemberView;
  setPasswordUrl: string;
  expiresAt: string;
}

/** GET /api/password-tokens/:token (public): who the link is for, before they choose a password. */
export interface PasswordTokenInfo {
  email: string;
  displayName: string;
  purpose: 'invite' | 'reset';
  practiceName: string;
}

/** POST /api/password-tokens/:token (public): sets the password; the token is used up. */
export const setPasswordSchema = z.strictObject({ password: passwordSchema });
export type SetPasswordRequest = z.infer<typeof setPasswordSchema>;

/** Doctors of the practice, for pickers (assistant's doctor selector, invite form). */
export interface DoctorSummary {
  id: string;
  displayName: string;
}

/** Route params of a set-password link: its token (shape-checked by the service, which answers "invalid link"). */
export const passwordTokenParams = z.object({ token: z.string().max(200) });

export const staffRoutes = {
  list: defineRoute<StaffMemberView[]>()({ method: 'GET', path: '/api/staff', access: 'staff' }),
  doctors: defineRoute<DoctorSummary[]>()({ method: 'GET', path: '/api/staff/doctors', access: 'staff' }),
  invite: defineRoute<PasswordLinkView>()({ method: 'POST', path: '/api/staff', body: inviteStaffSchema, status: 201, access: 'staff' }),
  update: defineRoute<StaffMemberView>()({ method: 'PUT', path: '/api/staff/:id', params: idParams, body: updateStaffSchema, access: 'staff' }),
  disable: defineRoute<StaffMemberView>()({ method: 'POST', path: '/api/staff/:id/disable', params: idParams, access: 'staff' }),
  enable: defineRoute<StaffMemberView>()({ method: 'POST', path: '/api/staff/:id/enable', params: idParams, access: 'staff' }),
  reset: defineRoute<PasswordLinkView>()({ method: 'POST', path: '/api/staff/:id/reset', params: idParams, status: 201, access: 'staff' }),
} as const;

/** The public set-password page's calls: the token of the link is the only credential. */
export const passwordTokenRoutes = {
  info: defineRoute<PasswordTokenInfo>()({ method: 'GET', path: '/api/password-tokens/:token', params: passwordTokenParams, access: 'public' }),
  set: defineRoute<void>()({ method: 'POST', path: '/api/password-tokens/:token', params: passwordTokenParams, body: setPasswordSchema, status: 204, access: 'public' }),
} as const;
