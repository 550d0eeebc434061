import { MigrationInterface, QueryRunner } from 'typeorm';

/** The patients' pre-call checks: verdict, reasons, figures and time, per visit (docs/join-check.md). */
export class ReadinessChecks1764900000000 implements MigrationInterface {
  name = 'ReadinessChecks1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "readiness_checks" (
      "id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "practice_id" uuid NOT NULL, "visit_id" uuid NOT NULL,
      "outcome" character varying(10) NOT NULL, "reasons" jsonb NOT NULL, "modality" character varying(5) NOT NULL,
      "rtt_ms" real, "receive_kbps" real, "loss_pct" real, "report" jsonb NOT NULL,
      "browser" character varying(40) NOT NULL, "user_agent" character varying(500),
      CONSTRAINT "PK_readiness_checks" PRIMARY KEY ("id"),
      CONSTRAINT "ck_readiness_checks_outcome" CHECK ("outcome" IN ('ready', 'doubtful', 'failed')),
      CONSTRAINT "ck_readiness_checks_modality" CHECK ("modality" IN ('video', 'audio')))`);
    await q.query(`CREATE INDEX "ix_readiness_checks_visit" ON "readiness_checks" ("visit_id", "created_at")`);
    await q.query(`ALTER TABLE "readiness_checks" ADD CONSTRAINT "fk_readiness_checks_practice" FOREIGN KEY ("practice_id") REFERENCES "practices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "readiness_checks" ADD CONSTRAINT "fk_readiness_checks_visit" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "readiness_checks"`);
  }
}
