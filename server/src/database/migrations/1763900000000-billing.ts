import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Billing: practitioner billing profiles, patients' billing identity, what the SFU carried per visit,
 * billed lines and immutable export batches.
 *
 * Immutability is enforced by the database itself, not only by the service:
 * - a batch row can never be updated or deleted;
 * - a line that belongs to a batch can only be voided (state, voided_* columns); its content, amount and
 *   batch never change again, and it cannot be deleted.
 */
export class Billing1763900000000 implements MigrationInterface {
  name = 'Billing1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "billing_profiles" (
      "id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "user_id" uuid NOT NULL, "rpps" character varying(11) NOT NULL, "am_number" character varying(9) NOT NULL,
      "profession" character varying(20) NOT NULL, "specialty" character varying(30) NOT NULL,
      "sector" character varying(20) NOT NULL, "optam" boolean NOT NULL,
      "first_name" character varying(100) NOT NULL, "last_name" character varying(100) NOT NULL,
      "declared_acts_year" integer, "declared_acts_total" integer,
      CONSTRAINT "PK_billing_profiles" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_billing_profiles_user" ON "billing_profiles" ("user_id")`);
    await q.query(`ALTER TABLE "billing_profiles" ADD CONSTRAINT "fk_billing_profiles_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    await q.query(`ALTER TABLE "patients"
      ADD "sex" character varying(7) NOT NULL DEFAULT 'unknown',
      ADD "ins" character varying(15),
      ADD "ins_oid" character varying(30),
      ADD "identity_status" character varying(5) NOT NULL DEFAULT 'PROV',
      ADD "insured_nir" character varying(15),
      ADD "beneficiary_rank" smallint NOT NULL DEFAULT 1,
      ADD "regular_doctor_rpps" character varying(11)`);

    await q.query(`ALTER TABLE "visits"
      ADD "modality" character varying(12),
      ADD "modality_source" character varying(10),
      ADD "modality_reason" character varying(500),
      ADD "media_summary" jsonb`);

    await q.query(`CREATE TABLE "billing_batches" (
      "id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "number" SERIAL NOT NULL, "created_by" uuid NOT NULL,
      "period_from" date NOT NULL, "period_to" date NOT NULL, "doctor_id" uuid,
      "line_count" integer NOT NULL, "total_cents" bigint NOT NULL, "content_hash" character(64) NOT NULL,
      CONSTRAINT "PK_billing_batches" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_billing_batches_number" ON "billing_batches" ("number")`);
    await q.query(`ALTER TABLE "billing_batches" ADD CONSTRAINT "fk_billing_batches_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "billing_batches" ADD CONSTRAINT "fk_billing_batches_doctor" FOREIGN KEY ("doctor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    await q.query(`CREATE TABLE "billing_lines" (
      "id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "visit_id" uuid NOT NULL, "patient_id" uuid NOT NULL, "doctor_id" uuid NOT NULL,
      "date_of_service" date NOT NULL, "state" character varying(10) NOT NULL, "code" character varying(8) NOT NULL,
      "total_cents" integer NOT NULL, "input" jsonb NOT NULL, "results" jsonb NOT NULL,
      "counts_toward_share" boolean NOT NULL, "te2_requester_rpps" character varying(11),
      "warnings_ack_by" uuid, "warnings_ack_at" TIMESTAMP WITH TIME ZONE,
      "fee_table_version" character varying(30) NOT NULL, "rules_version" character varying(30) NOT NULL,
      "batch_id" uuid, "replaces_line_id" uuid,
      "voided_at" TIMESTAMP WITH TIME ZONE, "voided_by" uuid, "void_reason" character varying(500),
      "created_by" uuid NOT NULL,
      CONSTRAINT "PK_billing_lines" PRIMARY KEY ("id"),
      CONSTRAINT "ck_billing_lines_state" CHECK ("state" IN ('blocked', 'to_review', 'ready', 'exported', 'voided')),
      CONSTRAINT "ck_billing_lines_exported_has_batch" CHECK ("state" <> 'exported' OR "batch_id" IS NOT NULL))`);
    // One open (not voided) line per visit.
    await q.query(`CREATE UNIQUE INDEX "uq_billing_lines_open_visit" ON "billing_lines" ("visit_id") WHERE "state" <> 'voided'`);
    await q.query(`CREATE INDEX "ix_billing_lines_state_date" ON "billing_lines" ("state", "date_of_service", "id")`);
    await q.query(`CREATE INDEX "ix_billing_lines_doctor_date" ON "billing_lines" ("doctor_id", "date_of_service")`);
    await q.query(`CREATE INDEX "ix_billing_lines_patient" ON "billing_lines" ("patient_id")`);
    await q.query(`CREATE INDEX "ix_billing_lines_batch" ON "billing_lines" ("batch_id", "id")`);
    await q.query(`ALTER TABLE "billing_lines" ADD CONSTRAINT "fk_billing_lines_visit" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "billing_lines" ADD CONSTRAINT "fk_billing_lines_patient" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "billing_lines" ADD CONSTRAINT "fk_billing_lines_doctor" FOREIGN KEY ("doctor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // The batch row is written last in the batch's transaction (its hash covers its lines): checked at commit.
    await q.query(`ALTER TABLE "billing_lines" ADD CONSTRAINT "fk_billing_lines_batch" FOREIGN KEY ("batch_id") REFERENCES "billing_batches"("id") ON DELETE RESTRICT ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED`);
    await q.query(`ALTER TABLE "billing_lines" ADD CONSTRAINT "fk_billing_lines_replaces" FOREIGN KEY ("replaces_line_id") REFERENCES "billing_lines"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    await q.query(`CREATE FUNCTION "billing_batches_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'billing batch % is immutable', OLD.id USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await q.query(`CREATE TRIGGER "tr_billing_batches_immutable" BEFORE UPDATE OR DELETE ON "billing_batches"
      FOR EACH ROW EXECUTE FUNCTION "billing_batches_immutable"()`);
    await q.query(`CREATE FUNCTION "billing_lines_exported_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.batch_id IS NOT NULL THEN
            RAISE EXCEPTION 'billing line % is exported and cannot be deleted', OLD.id USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          RETURN OLD;
        END IF;
        IF OLD.batch_id IS NOT NULL AND (
             NEW.batch_id IS DISTINCT FROM OLD.batch_id OR NEW.input IS DISTINCT FROM OLD.input
          OR NEW.total_cents IS DISTINCT FROM OLD.total_cents OR NEW.code IS DISTINCT FROM OLD.code
          OR NEW.date_of_service IS DISTINCT FROM OLD.date_of_service OR NEW.results IS DISTINCT FROM OLD.results
          OR NEW.visit_id IS DISTINCT FROM OLD.visit_id OR NEW.patient_id IS DISTINCT FROM OLD.patient_id
          OR NEW.doctor_id IS DISTINCT FROM OLD.doctor_id OR NOT (NEW.state IN ('exported', 'voided'))
          OR (OLD.state = 'voided' AND NEW.state <> 'voided')) THEN
          RAISE EXCEPTION 'billing line % is exported: it can only be voided', OLD.id USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "tr_billing_lines_exported_immutable" BEFORE UPDATE OR DELETE ON "billing_lines"
      FOR EACH ROW EXECUTE FUNCTION "billing_lines_exported_immutable"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "tr_billing_lines_exported_immutable" ON "billing_lines"`);
    await q.query(`DROP FUNCTION "billing_lines_exported_immutable"()`);
    await q.query(`DROP TRIGGER "tr_billing_batches_immutable" ON "billing_batches"`);
    await q.query(`DROP FUNCTION "billing_batches_immutable"()`);
    await q.query(`DROP TABLE "billing_lines"`);
    await q.query(`DROP TABLE "billing_batches"`);
    await q.query(`ALTER TABLE "visits" DROP COLUMN "media_summary", DROP COLUMN "modality_reason", DROP COLUMN "modality_source", DROP COLUMN "modality"`);
    await q.query(`ALTER TABLE "patients" DROP COLUMN "regular_doctor_rpps", DROP COLUMN "beneficiary_rank", DROP COLUMN "insured_nir",
      DROP COLUMN "identity_status", DROP COLUMN "ins_oid", DROP COLUMN "ins", DROP COLUMN "sex"`);
    await q.query(`DROP TABLE "billing_profiles"`);
  }
}
