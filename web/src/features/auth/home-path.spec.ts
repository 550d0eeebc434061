import { canUseBilling, homePathFor, landingAfterLogin } from './home-path';

describe('home path by role', () => {
  it('sends billing staff to /billing, admins to the staff screen, doctors and assistants to the queue', () => {
    expect(homePathFor('billing')).toBe('/billing');
    expect(homePathFor('admin')).toBe('/admin/staff');
    expect(homePathFor('doctor')).toBe('/');
    expect(homePathFor('assistant')).toBe('/');
    expect(homePathFor(undefined)).toBe('/');
  });

  it('lets billing and admin only use the billing screens', () => {
    expect(canUseBilling('billing')).toBe(true);
    expect(canUseBilling('admin')).toBe(true);
    expect(canUseBilling('doctor')).toBe(false);
    expect(canUseBilling(undefined)).toBe(false);
  });

  it('goes back to the page that asked for a sign-in, else to the home of the role', () => {
    expect(landingAfterLogin('doctor', '/visits/v1/coding')).toBe('/visits/v1/coding');
    expect(landingAfterLogin('billing', '/')).toBe('/billing');
    expect(landingAfterLogin('billing', undefined)).toBe('/billing');
    expect(landingAfterLogin('doctor', '/login')).toBe('/');
  });
});
