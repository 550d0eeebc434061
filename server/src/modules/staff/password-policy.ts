import { PASSWORD_MIN_LENGTH } from '@visite/contracts';

/**
 * Common passwords that pass the length rule (from public breach lists; most common ones are shorter
 * and already refused by the 12-character minimum).
 */
const COMMON = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456789123', '111111111111', '000000000000', 'password1234', 'password12345',
  'password123!', 'passwordpassword', 'qwertyuiop12', 'qwertyuiopasdf', 'azertyuiop12', 'azertyuiopqsd', 'motdepasse12', 'motdepasse123',
  'motdepasse1234', 'iloveyou1234', 'letmein12345', 'welcome12345', 'bienvenue123', 'bienvenue1234', 'administrator', 'administrateur',
  'changeme1234', 'soleil123456', 'doudou123456', 'chocolat1234', 'qwerty123456', 'azerty123456', 'abcdefghijkl', 'abc123456789',
  'visite-demo1', 'visitevisite', 'docteur12345', 'medecin12345', 'cabinet12345', 'secretaire12',
]);

/** True when the password is long enough and not a known common one, a repeated character or a plain sequence. */
export function isAcceptablePassword(password: string): boolean {
  if (password.length < PASSWORD_MIN_LENGTH) return false;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return false;
  if (/^(.)\1+$/.test(password)) return false;
  const sequence = '01234567890123456789abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz';
  if (sequence.includes(lower) || [...sequence].reverse().join('').includes(lower)) return false;
  return true;
}
