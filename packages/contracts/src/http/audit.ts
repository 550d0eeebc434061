/**
 * The audit trail (docs/audit.md): append-only, one hash chain per practice.
 */

/** What breaks a chain, as the verify command and the admin screen report it. */
export const AUDIT_CHAIN_PROBLEMS = ['edited', 'missing', 'not_linked', 'truncated', 'beyond_head', 'head_mismatch', 'head_missing'] as const;
export type AuditChainProblem = (typeof AUDIT_CHAIN_PROBLEMS)[number];

/** One chain walked from its first row: its head, and the first row that breaks it (if any). */
export interface AuditChainReport {
  /** The practice id, or `install` for events outside any practice. */
  chain: string;
  /** Rows verified before the first break (all of them when ok). */
  rows: number;
  head: { seq: number; hash: string } | null;
  ok: boolean;
  broken: { problem: AuditChainProblem; seq: number; id: string | null; createdAt: string | null; message: string } | null;
}
