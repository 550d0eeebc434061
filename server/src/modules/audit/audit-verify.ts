import type { AuditChainProblem, AuditChainReport } from '@visite/contracts';
import { CANONICAL_CREATED_AT_SQL, GENESIS_HASH, hashRow } from './audit-chain';

/** Runs one SQL statement (a DataSource's or the request's manager). */
export type SqlQuery = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

const PAGE = 2000;

interface StoredRow {
  id: string;
  created_at: string;
  practice_id: string | null;
  actor_type: string;
  actor_id: string | null;
  action: string;
  visit_id: string | null;
  detail: Record<string, unknown> | null;
  seq: string;
  prev_hash: string;
  hash: string;
}

const MESSAGES: Record<AuditChainProblem, (seq: number) => string> = {
  edited: (seq) => `row ${seq} was changed after it was written: its content does not match its hash`,
  missing: (seq) => `row ${seq} is missing (deleted)`,
  not_linked: (seq) => `row ${seq} does not follow row ${seq - 1}: the previous row was changed, or rows were inserted, removed or reordered`,
  truncated: (seq) => `the chain's head says ${seq} rows: the last rows were deleted`,
  beyond_head: (seq) => `row ${seq} is beyond the chain's head: it was added without the chain`,
  head_mismatch: (seq) => `the chain's head does not match row ${seq}`,
  head_missing: () => `the chain has rows but no head`,
};

/**
 * Walks audit chains row by row (in pages, by seq) and reports, per chain, the first row that breaks it:
 * a row edited (hash), deleted (a gap in seq), inserted or reordered (prev_hash), the last rows deleted
 * (the head is ahead), rows added outside the chain (beyond the head). Used by the verify command and
 * the admin screen. `chain` limits it to one chain (a practice's). `query` must read one snapshot
 * (a REPEATABLE READ transaction) when writers are running, or rows appended during the walk would
 * look beyond the head read at its start.
 */
export async function verifyAuditChains(query: SqlQuery, options: { chain?: string; pageSize?: number } = {}): Promise<AuditChainReport[]> {
  const pageSize = options.pageSize ?? PAGE;
  const filter = options.chain !== undefined ? `WHERE "chain" = $1` : '';
  const params = options.chain !== undefined ? [options.chain] : [];
  const heads = new Map(
    (await query(`SELECT "chain", "seq", "hash" FROM "audit_chain_heads" ${filter}`, params)).map((h) => [h.chain as string, { seq: Number(h.seq), hash: h.hash as string }]),
  );
  const withRows = (await query(`SELECT DISTINCT "chain" FROM "audit_events" ${filter}`, params)).map((r) => r.chain as string);
  const chains = [...new Set([...heads.keys(), ...withRows])].sort();
  const reports: AuditChainReport[] = [];
  for (const chain of chains) reports.push(await verifyChain(query, chain, heads.get(chain) ?? null, pageSize));
  return reports;
}

async function verifyChain(query: SqlQuery, chain: string, head: { seq: number; hash: string } | null, pageSize: number): Promise<AuditChainReport> {
  let expected = 1;
  let prevHash = GENESIS_HASH;
  let rows = 0;
  const report = (problem: AuditChainProblem | null, seq: number, row?: StoredRow): AuditChainReport => ({
    chain,
    rows,
    head,
    ok: problem === null,
    broken: problem === null ? null : { problem, seq, id: row?.id ?? null, createdAt: row ? row.created_at : null, message: MESSAGES[problem](seq) },
  });
  for (;;) {
    const page = (await query(
      `SELECT "id", ${CANONICAL_CREATED_AT_SQL} AS "created_at", "practice_id", "actor_type", "actor_id", "action", "visit_id", "detail", "seq", "prev_hash", "hash"
       FROM "audit_events" WHERE "chain" = $1 AND "seq" >= $2 ORDER BY "seq" LIMIT ${pageSize}`,
      [chain, expected],
    )) as unknown as StoredRow[];
    for (const row of page) {
      const seq = Number(row.seq);
      if (seq !== expected) return report('missing', expected);
      if (head && seq > head.seq) return report('beyond_head', seq, row);
      if (row.prev_hash !== prevHash) return report('not_linked', seq, row);
      const hash = hashRow({
        id: row.id, chain, seq, createdAt: row.created_at, practiceId: row.practice_id, actorType: row.actor_type, actorId: row.actor_id,
        action: row.action, visitId: row.visit_id, detail: row.detail ?? {}, prevHash: row.prev_hash,
      });
      if (hash !== row.hash) return report('edited', seq, row);
      rows++;
      expected++;
      prevHash = row.hash;
    }
    if (page.length < pageSize) break;
  }
  if (!head) return report(rows ? 'head_missing' : null, rows);
  if (head.seq > rows) return report('truncated', head.seq);
  if (head.hash !== prevHash) return report('head_mismatch', rows);
  return report(null, rows);
}
