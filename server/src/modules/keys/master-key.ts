import { createHash } from 'node:crypto';

/** A master key (32 bytes) and its public fingerprint, stored beside what it wraps. */
export interface MasterKey {
  id: string;
  key: Buffer;
}

/** Reads a master key written as 64 hex digits or base64 of 32 bytes; null when it is neither. */
export function parseMasterKey(text: string): MasterKey | null {
  const trimmed = text.trim();
  let key: Buffer;
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) key = Buffer.from(trimmed, 'hex');
  else if (/^[A-Za-z0-9+/]{43}=?$/.test(trimmed)) key = Buffer.from(trimmed, 'base64');
  else return null;
  return key.length === 32 ? { id: masterKeyId(key), key } : null;
}

/** The fingerprint that names a master key in the database (it reveals nothing of the key). */
export function masterKeyId(key: Buffer): string {
  return createHash('sha256').update('visite-master-key-id:').update(key).digest('hex').slice(0, 16);
}
