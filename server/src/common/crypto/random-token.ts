import { createHash, randomBytes } from 'node:crypto';

/** An unguessable token (256 bits, base64url) for links and sessions. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored in place of a token: its SHA-256, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
