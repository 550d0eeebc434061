import type { UserRole } from '@visite/contracts';

/** Roles that work on the billing screens. */
export const BILLING_ROLES: readonly UserRole[] = ['billing', 'admin'];

export function canUseBilling(role: UserRole | undefined): boolean {
  return !!role && BILLING_ROLES.includes(role);
}

/** Roles that work on the queues and the patient directory. */
export const CARE_ROLES: readonly UserRole[] = ['doctor', 'assistant'];

/** Where a practice user starts: admins on the staff screen, billing staff on /billing, doctors and assistants on the queue. */
export function homePathFor(role: UserRole | undefined): string {
  if (role === 'admin') return '/admin/staff';
  return canUseBilling(role) ? '/billing' : '/';
}

/** After signing in: back to the page that asked for it, or else the role's home. */
export function landingAfterLogin(role: UserRole, from: string | undefined): string {
  return from && from !== '/login' && from !== '/' ? from : homePathFor(role);
}
