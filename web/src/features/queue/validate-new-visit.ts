import { createVisitSchema, isIsoDate, type CreateVisitRequest } from '@visite/contracts';

export interface NewVisitForm {
  firstName: string;
  lastName: string;
  /** Optional: the birth name when it differs from the name in use. */
  birthName?: string;
  birthDate: string;
  phone: string;
  email: string;
}

/** A message key of the `queue` catalogue (`newVisit.errors.*`) by field. */
export type NewVisitErrorKey = `newVisit.errors.${'firstName' | 'lastName' | 'birthDate' | 'birthDateFuture' | 'phone' | 'email' | 'contact'}`;
export type NewVisitErrors = Partial<Record<keyof NewVisitForm | 'contact', NewVisitErrorKey>>;

/**
 * Normalises a phone number to E.164. French numbers may be typed the usual way ("06 12 34 56 78").
 * Returns null when it does not look like a phone number.
 */
export function toE164(raw: string, defaultCountryCode = '33'): string | null {
  const compact = raw.replace(/[\s.\-()/]/g, '');
  if (!compact) return null;
  let digits: string;
  if (compact.startsWith('+')) digits = compact.slice(1);
  else if (compact.startsWith('00')) digits = compact.slice(2);
  else if (/^0\d{9}$/.test(compact)) digits = defaultCountryCode + compact.slice(1);
  else return null;
  if (!/^[1-9]\d{7,14}$/.test(digits)) return null;
  // "+33 0 6 ..." written with the national zero.
  if (digits.startsWith('330') && digits.length === 12) digits = '33' + digits.slice(3);
  return `+${digits}`;
}

/** Checks the new-visit form and builds the request, or returns the errors to show by field. */
export function validateNewVisit(form: NewVisitForm, today = new Date()): { request: CreateVisitRequest } | { errors: NewVisitErrors } {
  const errors: NewVisitErrors = {};
  const firstName = form.firstName.trim();
  const lastName = form.lastName.trim();
  const email = form.email.trim();
  if (!firstName) errors.firstName = 'newVisit.errors.firstName';
  if (!lastName) errors.lastName = 'newVisit.errors.lastName';
  if (!isIsoDate(form.birthDate)) errors.birthDate = 'newVisit.errors.birthDate';
  else if (Date.parse(form.birthDate) > today.getTime()) errors.birthDate = 'newVisit.errors.birthDateFuture';

  let phone: string | null = null;
  if (form.phone.trim()) {
    phone = toE164(form.phone);
    if (!phone) errors.phone = 'newVisit.errors.phone';
  }
  if (!form.phone.trim() && !email) errors.contact = 'newVisit.errors.contact';

  const request: CreateVisitRequest = {
    patient: {
      firstName,
      lastName,
      birthDate: form.birthDate,
      ...(form.birthName?.trim() ? { birthName: form.birthName.trim() } : {}),
      ...(phone ? { phone } : {}),
      ...(email ? { email } : {}),
    },
  };
  // The route's own schema has the last word: what it refuses, the server would refuse too.
  const parsed = createVisitSchema.safeParse(request);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[1];
      // The birth name has no message of its own here: the server's refusal is shown instead.
      if (field === 'birthName') continue;
      type Checked = Exclude<keyof NewVisitForm, 'birthName'>;
      if (typeof field === 'string' && field in form && !errors[field as Checked]) errors[field as Checked] = `newVisit.errors.${field as Checked}`;
    }
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { request };
}
