const EMAIL = /[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+\.)+[A-Za-z]{2,}/g;
const PHONE = /\+?\d[\d .()-]{6,}\d/g;
const JOIN_LINK = /\/join\/[A-Za-z0-9_-]+/g;

/** j•••@example.fr: enough for staff to recognise an address, not to read it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${email[0]}•••${email.slice(at)}`;
}

/** +33 6•• •• •• 78: the country and the first digit, and the last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.length < 6) return '•••';
  const head = digits.startsWith('+') ? digits.slice(0, 4) : digits.slice(0, 2);
  return `${head}•••${digits.slice(-2)}`;
}

/**
 * A provider's error text as it may be stored and shown: addresses and phone numbers masked, join
 * links cut, at most `max` characters (mail servers quote the recipient in their refusals).
 */
export function redactProviderText(text: string, max = 500): string {
  return text
    .replace(JOIN_LINK, '/join/•••')
    .replace(EMAIL, (m) => maskEmail(m))
    .replace(PHONE, (m) => (m.replace(/\D/g, '').length >= 8 ? maskPhone(m) : m))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}
