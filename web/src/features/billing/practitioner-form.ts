import { formatPercent, t, type Language } from '@visite/i18n';
import type { PractitionerProfile, PractitionerView, Profession, Sector, Specialty } from '@visite/contracts';

/** A practitioner's billing profile as typed by billing staff. */
export interface ProfileForm {
  rpps: string;
  amNumber: string;
  profession: Profession;
  specialty: Specialty;
  sector: Sector;
  optam: boolean;
  firstName: string;
  lastName: string;
  /** Declared reimbursed acts (all kinds) for one year: both empty = not declared. */
  actsYear: string;
  actsTotal: string;
}

export type ProfileField = 'rpps' | 'amNumber' | 'firstName' | 'lastName' | 'actsYear' | 'actsTotal';
export type ProfileErrors = Partial<Record<ProfileField, `practitioners.errors.${ProfileField}`>>;

/** Message keys (`billing` catalogue) of the field errors. */
export const PROFILE_ERRORS = {
  rpps: 'practitioners.errors.rpps',
  amNumber: 'practitioners.errors.amNumber',
  firstName: 'practitioners.errors.firstName',
  lastName: 'practitioners.errors.lastName',
  actsYear: 'practitioners.errors.actsYear',
  actsTotal: 'practitioners.errors.actsTotal',
} as const satisfies Record<ProfileField, `practitioners.errors.${ProfileField}`>;

/** "Dr Claire Martin" -> Claire / Martin (a title is not a first name). */
export function splitDisplayName(displayName: string): { firstName: string; lastName: string } {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  if (words.length > 1 && /^(dr\.?|docteur|pr\.?|prof\.?)$/i.test(words[0])) words.shift();
  if (words.length === 0) return { firstName: '', lastName: '' };
  if (words.length === 1) return { firstName: '', lastName: words[0] };
  return { firstName: words[0], lastName: words.slice(1).join(' ') };
}

export function initialProfileForm(view: PractitionerView): ProfileForm {
  const profile = view.profile;
  if (!profile) {
    return { rpps: '', amNumber: '', profession: 'physician', specialty: 'general_practice', sector: '1', optam: false, ...splitDisplayName(view.displayName), actsYear: '', actsTotal: '' };
  }
  return {
    rpps: profile.rpps,
    amNumber: profile.amNumber,
    profession: profile.profession,
    specialty: profile.specialty,
    sector: profile.sector,
    optam: profile.optam,
    firstName: profile.firstName,
    lastName: profile.lastName,
    actsYear: profile.declaredActs ? String(profile.declaredActs.year) : '',
    actsTotal: profile.declaredActs ? String(profile.declaredActs.total) : '',
  };
}

const digits = (text: string) => text.replace(/[\s.\-]/g, '');

export function readProfileForm(form: ProfileForm): { profile: PractitionerProfile } | { errors: ProfileErrors } {
  const errors: ProfileErrors = {};
  const rpps = digits(form.rpps);
  const amNumber = digits(form.amNumber);
  const firstName = form.firstName.trim();
  const lastName = form.lastName.trim();
  if (!/^\d{11}$/.test(rpps)) errors.rpps = PROFILE_ERRORS.rpps;
  if (!/^\d{9}$/.test(amNumber)) errors.amNumber = PROFILE_ERRORS.amNumber;
  if (!firstName) errors.firstName = PROFILE_ERRORS.firstName;
  if (!lastName) errors.lastName = PROFILE_ERRORS.lastName;

  let declaredActs: PractitionerProfile['declaredActs'] = null;
  const yearText = form.actsYear.trim();
  const totalText = digits(form.actsTotal);
  if (yearText || totalText) {
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    const total = /^\d+$/.test(totalText) ? Number(totalText) : NaN;
    if (!(year >= 2000 && year <= 2100)) errors.actsYear = PROFILE_ERRORS.actsYear;
    if (!Number.isSafeInteger(total)) errors.actsTotal = PROFILE_ERRORS.actsTotal;
    declaredActs = { year, total };
  }

  if (Object.keys(errors).length > 0) return { errors };
  return { profile: { rpps, amNumber, profession: form.profession, specialty: form.specialty, sector: form.sector, optam: form.optam, firstName, lastName, declaredActs } };
}

/** F7's running share: "12.5% of 20% allowed (3 of 24 acts in 2025)", or "not declared" without declared acts. */
export function formatShare(share: PractitionerView['share'], language: Language): string {
  if (share.percent === null || share.declaredTotalActs === null) return t(language, 'billing:practitioners.shareNotDeclared', { countable: share.countable, year: share.year });
  return t(language, 'billing:practitioners.share', {
    percent: formatPercent(language, share.percent),
    limit: formatPercent(language, share.limitPercent),
    countable: share.countable,
    total: share.declaredTotalActs,
    year: share.year,
  });
}

/** Over the cap, or close to it (within 2 points). */
export function shareLevel(share: PractitionerView['share']): 'ok' | 'near' | 'over' | 'unknown' {
  if (share.percent === null) return 'unknown';
  if (share.percent > share.limitPercent) return 'over';
  return share.percent >= share.limitPercent - 2 ? 'near' : 'ok';
}
