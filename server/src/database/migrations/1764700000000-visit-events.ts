import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each visit's history: append-only rows of who changed what and when (docs/day.md). */
export class VisitEvents1764700000000 implements MigrationInterface {
  name = 'VisitEvents1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "visit_events" (
      "id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "practice_id" uuid NOT NULL, "visit_id" uuid NOT NULL, "kind" character varying(30) NOT NULL,
      "actor_type" character varying(10) NOT NULL, "actor_id" uuid, "detail" jsonb NOT NULL, "note_enc" text,
      CONSTRAINT "PK_visit_events" PRIMARY KEY ("id"),
      CONSTRAINT "ck_visit_events_actor_type" CHECK ("actor_type" IN ('user', 'patient', 'system')))`);
    await q.query(`CREATE INDEX "ix_visit_events_visit" ON "visit_events" ("visit_id", "created_at")`);
    await q.query(`ALTER TABLE "visit_events" ADD CONSTRAINT "fk_visit_events_visit" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "visit_events" ADD CONSTRAINT "fk_visit_events_practice" FOREIGN KEY ("practice_id") REFERENCES "practices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`CREATE FUNCTION "visit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'visit_events is append-only: % refused', TG_OP USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await q.query(`CREATE TRIGGER "tr_visit_events_append_only" BEFORE UPDATE OR DELETE ON "visit_events" FOR EACH ROW EXECUTE FUNCTION "visit_events_append_only"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "visit_events"`);
    await q.query(`DROP FUNCTION "visit_events_append_only"()`);
  }
}
