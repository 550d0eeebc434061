import { MigrationInterface, QueryRunner } from 'typeorm';

/** The doctor's notes of each visit (encrypted text, a version for conflict-safe autosave). */
export class VisitNotes1765200000000 implements MigrationInterface {
  name = 'VisitNotes1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "visit_notes" (
      "visit_id" uuid NOT NULL, "practice_id" uuid NOT NULL, "body_enc" text NOT NULL,
      "version" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" uuid NOT NULL,
      CONSTRAINT "PK_visit_notes" PRIMARY KEY ("visit_id"),
      CONSTRAINT "ck_visit_notes_version" CHECK ("version" >= 1))`);
    await q.query(`ALTER TABLE "visit_notes" ADD CONSTRAINT "fk_visit_notes_visit" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "visit_notes" ADD CONSTRAINT "fk_visit_notes_practice" FOREIGN KEY ("practice_id") REFERENCES "practices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "visit_notes" ADD CONSTRAINT "fk_visit_notes_updated_by" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "visit_notes"`);
  }
}
