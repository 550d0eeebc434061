import type { UserRole } from '@visite/contracts';

/** Roles that work on the billing screens. */
export const BILLING_ROLES: readonly UserRole[] = ['billing', 'admin'];

export function canUseBilling(role: UserRole | undefined): boolean {
  return !!role && BILLING_ROLES.includes(role);
}

/** Where a practice user starts: billing staff and admins on /billing, doctors (and others) on the queue. */
export function homePathFor(role: UserRole | undefined): string {
  return canUseBilling(role) ? '/billing' : '/';
}

/** After signing in: back to the page that asked for it, or else the role's home. */
export function landingAfterLogin(role: UserRole, from: string | undefined): string {
  return from && from !== '/login' && from !== '/' ? from : homePathFor(role);
}
