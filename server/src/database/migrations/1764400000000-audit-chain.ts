import { MigrationInterface, QueryRunner } from 'typeorm';
import { CANONICAL_CREATED_AT_SQL, GENESIS_HASH, hashRow, type ChainedFields } from '../../modules/audit/audit-chain';

const PAGE = 500;

/**
 * The audit trail becomes append-only and hash-chained (docs/audit.md):
 * - every row gets its chain (its practice, or `install`), its place `seq`, the previous row's hash and
 *   its own; rows written before are chained here in the order they were written (created_at, id);
 * - `audit_chain_heads` holds each chain's last row; the insert trigger checks that a new row follows it
 *   and advances it, so two writers can never fork a chain;
 * - UPDATE, DELETE and TRUNCATE of audit_events are refused, and a head moves only with an appended row.
 * Reads of health data are searched by the ids they list (`detail.patientIds`, `detail.visitIds`).
 */
export class AuditChain1764400000000 implements MigrationInterface {
  name = 'AuditChain1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "audit_events" ADD "chain" character varying(40), ADD "seq" bigint, ADD "prev_hash" character(64), ADD "hash" character(64)`);
    await q.query(`ALTER TABLE "audit_events" ALTER COLUMN "created_at" DROP DEFAULT`);
    await q.query(`UPDATE "audit_events" SET "chain" = COALESCE("practice_id"::text, 'install')`);
    const heads = await chainExistingRows(q);

    await q.query(`ALTER TABLE "audit_events" ALTER COLUMN "chain" SET NOT NULL, ALTER COLUMN "seq" SET NOT NULL, ALTER COLUMN "prev_hash" SET NOT NULL, ALTER COLUMN "hash" SET NOT NULL`);
    await q.query(`ALTER TABLE "audit_events" ADD CONSTRAINT "CHK_audit_events_chain" CHECK ("chain" = COALESCE("practice_id"::text, 'install'))`);
    await q.query(`CREATE UNIQUE INDEX "ux_audit_events_chain_seq" ON "audit_events" ("chain", "seq")`);
    await q.query(`CREATE INDEX "ix_audit_events_patient_ids" ON "audit_events" USING gin (("detail" -> 'patientIds'))`);
    await q.query(`CREATE INDEX "ix_audit_events_visit_ids" ON "audit_events" USING gin (("detail" -> 'visitIds'))`);

    await q.query(`CREATE TABLE "audit_chain_heads" (
      "chain" character varying(40) NOT NULL, "seq" bigint NOT NULL, "hash" character(64) NOT NULL,
      CONSTRAINT "PK_audit_chain_heads" PRIMARY KEY ("chain"))`);
    for (const [chain, head] of heads) await q.query(`INSERT INTO "audit_chain_heads" ("chain", "seq", "hash") VALUES ($1, $2, $3)`, [chain, head.seq, head.hash]);

    await q.query(`CREATE FUNCTION "audit_events_chain"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE head_seq bigint; head_hash character(64);
      BEGIN
        SELECT "seq", "hash" INTO head_seq, head_hash FROM "audit_chain_heads" WHERE "chain" = NEW."chain" FOR UPDATE;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'audit chain % has no head: audit rows are appended by AuditService', NEW."chain" USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF NEW."seq" <> head_seq + 1 OR NEW."prev_hash" <> head_hash THEN
          RAISE EXCEPTION 'audit row % does not follow the head of chain % (seq %, expected %)', NEW."id", NEW."chain", NEW."seq", head_seq + 1
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        UPDATE "audit_chain_heads" SET "seq" = NEW."seq", "hash" = NEW."hash" WHERE "chain" = NEW."chain";
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "tr_audit_events_chain" BEFORE INSERT ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "audit_events_chain"()`);

    // Retention (GDPR, issue 11) will need to remove the oldest rows of a chain: it is to be one
    // documented, audited path (docs/audit.md, "Retention"), never a switch that turns this off.
    await q.query(`CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await q.query(`CREATE TRIGGER "tr_audit_events_append_only" BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"()`);
    await q.query(`CREATE TRIGGER "tr_audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"()`);

    await q.query(`CREATE FUNCTION "audit_chain_heads_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' AND NEW."seq" = 0 AND NEW."hash" = '${GENESIS_HASH}' THEN
          RETURN NEW;
        END IF;
        -- The head moves only from the insert trigger of audit_events (one level down).
        IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit chain heads move only with an appended audit row: % refused', TG_OP USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await q.query(`CREATE TRIGGER "tr_audit_chain_heads_guard" BEFORE INSERT OR UPDATE OR DELETE ON "audit_chain_heads" FOR EACH ROW EXECUTE FUNCTION "audit_chain_heads_guard"()`);
    await q.query(`CREATE TRIGGER "tr_audit_chain_heads_no_truncate" BEFORE TRUNCATE ON "audit_chain_heads" FOR EACH STATEMENT EXECUTE FUNCTION "audit_chain_heads_guard"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "tr_audit_chain_heads_no_truncate" ON "audit_chain_heads"`);
    await q.query(`DROP TRIGGER "tr_audit_chain_heads_guard" ON "audit_chain_heads"`);
    await q.query(`DROP FUNCTION "audit_chain_heads_guard"()`);
    await q.query(`DROP TRIGGER "tr_audit_events_no_truncate" ON "audit_events"`);
    await q.query(`DROP TRIGGER "tr_audit_events_append_only" ON "audit_events"`);
    await q.query(`DROP FUNCTION "audit_events_append_only"()`);
    await q.query(`DROP TRIGGER "tr_audit_events_chain" ON "audit_events"`);
    await q.query(`DROP FUNCTION "audit_events_chain"()`);
    await q.query(`DROP TABLE "audit_chain_heads"`);
    await q.query(`DROP INDEX "ix_audit_events_visit_ids"`);
    await q.query(`DROP INDEX "ix_audit_events_patient_ids"`);
    await q.query(`DROP INDEX "ux_audit_events_chain_seq"`);
    await q.query(`ALTER TABLE "audit_events" DROP CONSTRAINT "CHK_audit_events_chain"`);
    await q.query(`ALTER TABLE "audit_events" ALTER COLUMN "created_at" SET DEFAULT now()`);
    await q.query(`ALTER TABLE "audit_events" DROP COLUMN "hash", DROP COLUMN "prev_hash", DROP COLUMN "seq", DROP COLUMN "chain"`);
  }
}

interface ExistingRow {
  id: string;
  created_at: string;
  practice_id: string | null;
  actor_type: string;
  actor_id: string | null;
  action: string;
  visit_id: string | null;
  detail: Record<string, unknown>;
  chain: string;
}

/** Chains the rows written before this migration, in the order they were written; returns each chain's head. */
async function chainExistingRows(q: QueryRunner): Promise<Map<string, { seq: number; hash: string }>> {
  const heads = new Map<string, { seq: number; hash: string }>();
  let after: { chain: string; createdAt: string; id: string } | null = null;
  for (;;) {
    const rows: ExistingRow[] = await q.query(
      `SELECT "id", ${CANONICAL_CREATED_AT_SQL} AS "created_at", "practice_id", "actor_type", "actor_id", "action", "visit_id", "detail", "chain"
       FROM "audit_events"
       ${after ? `WHERE ("chain", "created_at", "id") > ($1, $2::timestamptz, $3)` : ''}
       ORDER BY "chain", "created_at", "id" LIMIT ${PAGE}`,
      after ? [after.chain, after.createdAt, after.id] : [],
    );
    if (!rows.length) return heads;
    const updates: [string, number, string, string][] = [];
    for (const row of rows) {
      const head = heads.get(row.chain) ?? { seq: 0, hash: GENESIS_HASH };
      const fields: ChainedFields = {
        id: row.id, chain: row.chain, seq: head.seq + 1, createdAt: row.created_at, practiceId: row.practice_id, actorType: row.actor_type,
        actorId: row.actor_id, action: row.action, visitId: row.visit_id, detail: row.detail ?? {}, prevHash: head.hash,
      };
      const hash = hashRow(fields);
      updates.push([row.id, fields.seq, head.hash, hash]);
      heads.set(row.chain, { seq: fields.seq, hash });
    }
    const values = updates.map((_, i) => `($${i * 4 + 1}::uuid, $${i * 4 + 2}::bigint, $${i * 4 + 3}, $${i * 4 + 4})`).join(', ');
    await q.query(
      `UPDATE "audit_events" a SET "seq" = v.seq, "prev_hash" = v.prev_hash, "hash" = v.hash FROM (VALUES ${values}) AS v(id, seq, prev_hash, hash) WHERE a."id" = v.id`,
      updates.flat(),
    );
    const last = rows[rows.length - 1]!;
    after = { chain: last.chain, createdAt: last.created_at, id: last.id };
  }
}
