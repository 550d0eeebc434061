import { createHash } from 'node:crypto';

/**
 * The audit trail's hash chain (docs/audit.md). Each practice has one chain (events outside any
 * practice, such as a failed login for an unknown e-mail, are on the `install` chain). Row n of a chain
 * carries `seq` = n, `prev_hash` = the hash of row n-1 (GENESIS_HASH for row 1) and `hash` =
 * SHA-256 (hex) of its canonical form below.
 *
 * The canonical form is computed from the row's fields by Visite, never from the JSON text PostgreSQL
 * gives back for `detail` (jsonb reorders keys and normalises numbers): object keys sorted, no
 * whitespace, strings and numbers as JSON.stringify writes them, absent (undefined) keys dropped as jsonb
 * drops them. `created_at` is written with microseconds in UTC, as `to_char` reads it back from
 * timestamptz. Changing any of this changes every hash: it is a new version (AUDIT_HASH_VERSION), never
 * an edit of this one.
 */
export const AUDIT_HASH_VERSION = 'visite-audit-v1';

/** The `prev_hash` of a chain's first row, and the hash of a chain head before its first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** The chain of events outside any practice. */
export const INSTALL_CHAIN = 'install';

export function chainOf(practiceId: string | null): string {
  return practiceId ?? INSTALL_CHAIN;
}

/** The fields a row's hash covers, as stored. */
export interface ChainedFields {
  id: string;
  chain: string;
  seq: number;
  /** UTC with microseconds: 2026-12-01T08:30:00.123000Z (canonicalTimestamp). */
  createdAt: string;
  practiceId: string | null;
  actorType: string;
  actorId: string | null;
  action: string;
  visitId: string | null;
  detail: Record<string, unknown>;
  prevHash: string;
}

/** A JavaScript date as PostgreSQL's timestamptz keeps it (microseconds), in the canonical text form. */
export function canonicalTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 23)}000Z`;
}

/** The SQL that reads `created_at` back in the canonical text form (exact to the microsecond). */
export const CANONICAL_CREATED_AT_SQL = `to_char("created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * JSON with sorted keys and nothing left to interpretation: the same value always gives the same text,
 * whatever the key order it was built or read back with. Only what JSON can hold round-trip: a value
 * jsonb would change or refuse (NaN, Infinity, a function, a symbol, a bigint) is an error, never a
 * silent difference between the written hash and the verified one.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`audit detail: ${value} cannot be stored`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
      const keys = Object.keys(value as object)
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`audit detail: a ${typeof value} cannot be stored`);
  }
}

/**
 * The detail as it will be read back: what JSON keeps of it (a Date becomes its ISO text, undefined
 * keys disappear). The row stores and hashes this, so the verify command recomputes the same hash.
 */
export function normalizeDetail(detail: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!detail) return {};
  const normalized = JSON.parse(JSON.stringify(detail)) as unknown;
  if (normalized === null || typeof normalized !== 'object' || Array.isArray(normalized)) throw new TypeError('audit detail must be an object');
  canonicalJson(normalized);
  return normalized as Record<string, unknown>;
}

/** The canonical text of a row (what its hash is taken over). */
export function canonicalRow(row: ChainedFields): string {
  return canonicalJson([
    AUDIT_HASH_VERSION,
    row.chain,
    String(row.seq),
    row.id,
    row.createdAt,
    row.practiceId,
    row.actorType,
    row.actorId,
    row.action,
    row.visitId,
    row.detail,
    row.prevHash,
  ]);
}

export function hashRow(row: ChainedFields): string {
  return createHash('sha256').update(canonicalRow(row), 'utf8').digest('hex');
}
