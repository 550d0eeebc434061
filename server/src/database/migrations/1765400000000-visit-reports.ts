import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Visit reports (versions of one document set per visit; a signed version is immutable: a trigger refuses
 * any update or delete of it), their deliveries (MSSanté, DMP), and the regular doctor's MSSanté address
 * on the patient (encrypted like the rest of the record).
 */
export class VisitReports1765400000000 implements MigrationInterface {
  name = 'VisitReports1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "visit_reports" (
      "id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "practice_id" uuid NOT NULL, "visit_id" uuid NOT NULL, "author_id" uuid NOT NULL,
      "set_id" uuid NOT NULL, "version" integer NOT NULL, "revision" integer NOT NULL DEFAULT 0,
      "content" text NOT NULL, "destinations" jsonb NOT NULL,
      "signed_at" TIMESTAMP WITH TIME ZONE, "pdf" text, "pdf_sha256" character(64), "cda" text, "snapshot" text,
      CONSTRAINT "PK_visit_reports" PRIMARY KEY ("id"),
      CONSTRAINT "ck_visit_reports_signed" CHECK (("signed_at" IS NULL) = ("pdf" IS NULL) AND ("signed_at" IS NULL) = ("cda" IS NULL) AND ("signed_at" IS NULL) = ("snapshot" IS NULL)))`);
    await q.query(`CREATE UNIQUE INDEX "uq_visit_reports_version" ON "visit_reports" ("visit_id", "version")`);
    await q.query(`CREATE UNIQUE INDEX "uq_visit_reports_one_draft" ON "visit_reports" ("visit_id") WHERE "signed_at" IS NULL`);
    await q.query(`CREATE INDEX "ix_visit_reports_practice" ON "visit_reports" ("practice_id")`);
    await q.query(`ALTER TABLE "visit_reports" ADD CONSTRAINT "fk_visit_reports_practice" FOREIGN KEY ("practice_id") REFERENCES "practices"("id") ON DELETE RESTRICT`);
    await q.query(`ALTER TABLE "visit_reports" ADD CONSTRAINT "fk_visit_reports_visit" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE RESTRICT`);
    await q.query(`ALTER TABLE "visit_reports" ADD CONSTRAINT "fk_visit_reports_author" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT`);
    await q.query(`CREATE FUNCTION visit_reports_signed_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.signed_at IS NOT NULL THEN
          RAISE EXCEPTION 'visit report % version % is signed: it cannot be changed or deleted (a correction is a new version)', OLD.set_id, OLD.version
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "tr_visit_reports_immutable" BEFORE UPDATE OR DELETE ON "visit_reports" FOR EACH ROW EXECUTE FUNCTION visit_reports_signed_immutable()`);

    await q.query(`CREATE TABLE "report_deliveries" (
      "id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "practice_id" uuid NOT NULL, "report_id" uuid NOT NULL, "destination" character varying(10) NOT NULL,
      "state" character varying(20) NOT NULL, "recipient" text, "error" character varying(500),
      "attempts" integer NOT NULL DEFAULT 0, "sent_at" TIMESTAMP WITH TIME ZONE, "message_id" character varying(200),
      CONSTRAINT "PK_report_deliveries" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_report_deliveries_destination" ON "report_deliveries" ("report_id", "destination")`);
    await q.query(`ALTER TABLE "report_deliveries" ADD CONSTRAINT "fk_report_deliveries_report" FOREIGN KEY ("report_id") REFERENCES "visit_reports"("id") ON DELETE RESTRICT`);
    await q.query(`ALTER TABLE "report_deliveries" ADD CONSTRAINT "fk_report_deliveries_practice" FOREIGN KEY ("practice_id") REFERENCES "practices"("id") ON DELETE RESTRICT`);

    await q.query(`ALTER TABLE "patients" ADD "regular_doctor_mssante" text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "patients" DROP COLUMN "regular_doctor_mssante"`);
    await q.query(`DROP TABLE "report_deliveries"`);
    await q.query(`DROP TABLE "visit_reports"`);
    await q.query(`DROP FUNCTION visit_reports_signed_immutable()`);
  }
}
