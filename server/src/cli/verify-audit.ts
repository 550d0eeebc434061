import { DataSource } from 'typeorm';
import type { AuditChainReport } from '@visite/contracts';
import { loadDatabaseConfig } from '../config/app-config';
import { assertDataDirFree } from '../database/data-dir-lock';
import { dataSourceOptions } from '../database/data-source-options';
import { verifyAuditChains } from '../modules/audit/audit-verify';

const USAGE = `usage: verify-audit [--practice <practice id>] [--json]
  Walks every audit chain (one per practice, and "install") from its first row and reports the first
  row that breaks each one. Exit status: 0 when every chain verifies, 1 when one is broken, 2 on error.`;

/**
 * Verifies the audit trail's hash chains:  node server/dist/cli/verify-audit.js [--practice <id>] [--json]
 * Read-only; on the embedded database it refuses while the server runs (the server holds the data directory).
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const practiceAt = args.indexOf('--practice');
  const practice = practiceAt >= 0 ? args[practiceAt + 1] : undefined;
  const json = args.includes('--json');
  const known = new Set(['--json', '--practice', ...(practice ? [practice] : [])]);
  if (args.some((a) => !known.has(a)) || (practiceAt >= 0 && !practice)) throw new UsageError(USAGE);
  const database = loadDatabaseConfig();
  if (database.kind === 'pglite') assertDataDirFree(database.dataDir);
  const ds = new DataSource(dataSourceOptions(database));
  await ds.initialize();
  try {
    // One snapshot for the whole walk, so rows written meanwhile (PostgreSQL, server running) are not half-seen.
    const { reports, names } = await ds.transaction('REPEATABLE READ', async (manager) => {
      const query = (sql: string, params: unknown[]) => manager.query(sql, params) as Promise<Record<string, unknown>[]>;
      const reports = await verifyAuditChains(query, practice ? { chain: practice } : {});
      const names = new Map((await query(`SELECT "id", "name" FROM "practices"`, [])).map((p) => [p.id as string, p.name as string]));
      return { reports, names };
    });
    const ok = reports.every((r) => r.ok);
    if (json) console.log(JSON.stringify({ ok, chains: reports.map((r) => ({ ...r, practiceName: names.get(r.chain) ?? null })) }, null, 2));
    else {
      for (const r of reports) console.log(describe(r, names.get(r.chain)));
      console.log(reports.length === 0 ? 'no audit rows yet' : ok ? `audit trail verified: ${reports.length} chain(s), ${reports.reduce((n, r) => n + r.rows, 0)} rows` : 'audit trail BROKEN');
    }
    return ok ? 0 : 1;
  } finally {
    await ds.destroy();
  }
}

function describe(r: AuditChainReport, name: string | undefined): string {
  const label = `chain ${r.chain}${name ? ` (${name})` : ''}`;
  const head = r.head ? `head ${r.head.seq} ${r.head.hash}` : 'no head';
  if (r.ok) return `${label}: ${r.rows} rows verified, ${head}`;
  const b = r.broken!;
  return `${label}: BROKEN at row ${b.seq}${b.id ? ` (id ${b.id}, ${b.createdAt})` : ''}: ${b.message}; ${r.rows} rows verified before it, ${head}`;
}

class UsageError extends Error {}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
