import { MigrationInterface, QueryRunner } from 'typeorm';

/** The practice every row of an install that predates practices is moved into. */
export const DEFAULT_PRACTICE_ID = '00000000-0000-4000-8000-000000000001';

/**
 * Practices own their staff, patients, visits and billing. Rows that existed before are moved into one
 * default practice (created only when there is something to move). Assistants are linked to the doctors
 * they assist. Staff accounts can be disabled, and are invited with single-use set-password tokens.
 */
export class Practices1764100000000 implements MigrationInterface {
  name = 'Practices1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "practices" (
      "id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "name" character varying(200) NOT NULL, "settings" jsonb NOT NULL DEFAULT '{}',
      CONSTRAINT "PK_practices" PRIMARY KEY ("id"))`);
    await q.query(
      `INSERT INTO "practices" ("id", "name", "settings")
       SELECT $1, 'Cabinet', '{"timeZone":"Europe/Paris","language":"fr","phone":null,"address":null}'::jsonb
       WHERE EXISTS (SELECT 1 FROM "users") OR EXISTS (SELECT 1 FROM "patients")`,
      [DEFAULT_PRACTICE_ID],
    );

    await q.query(`ALTER TABLE "users" ADD "practice_id" uuid, ADD "disabled_at" TIMESTAMP WITH TIME ZONE, ALTER COLUMN "password_hash" DROP NOT NULL`);
    await q.query(`UPDATE "users" SET "practice_id" = $1`, [DEFAULT_PRACTICE_ID]);
    await q.query(`ALTER TABLE "patients" ADD "practice_id" uuid`);
    await q.query(`UPDATE "patients" SET "practice_id" = $1`, [DEFAULT_PRACTICE_ID]);
    await q.query(`ALTER TABLE "visits" ADD "practice_id" uuid`);
    await q.query(`UPDATE "visits" v SET "practice_id" = u."practice_id" FROM "users" u WHERE u."id" = v."doctor_id"`);
    await q.query(`ALTER TABLE "billing_lines" ADD "practice_id" uuid`);
    await q.query(`UPDATE "billing_lines" l SET "practice_id" = v."practice_id" FROM "visits" v WHERE v."id" = l."visit_id"`);
    await q.query(`ALTER TABLE "billing_batches" ADD "practice_id" uuid`);
    // Batches are immutable (trigger): the backfill lifts the trigger for its own statement only.
    await q.query(`ALTER TABLE "billing_batches" DISABLE TRIGGER "tr_billing_batches_immutable"`);
    await q.query(`UPDATE "billing_batches" b SET "practice_id" = u."practice_id" FROM "users" u WHERE u."id" = b."created_by"`);
    await q.query(`ALTER TABLE "billing_batches" ENABLE TRIGGER "tr_billing_batches_immutable"`);
    for (const table of ['users', 'patients', 'visits', 'billing_lines', 'billing_batches']) {
      await q.query(`ALTER TABLE "${table}" ALTER COLUMN "practice_id" SET NOT NULL`);
      await q.query(`ALTER TABLE "${table}" ADD CONSTRAINT "fk_${table}_practice" FOREIGN KEY ("practice_id") REFERENCES "practices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }
    await q.query(`CREATE INDEX "ix_users_practice" ON "users" ("practice_id")`);
    await q.query(`CREATE INDEX "ix_patients_practice" ON "patients" ("practice_id")`);
    await q.query(`CREATE INDEX "ix_visits_practice" ON "visits" ("practice_id")`);
    await q.query(`CREATE INDEX "ix_billing_lines_practice_date" ON "billing_lines" ("practice_id", "date_of_service")`);
    await q.query(`CREATE INDEX "ix_billing_batches_practice" ON "billing_batches" ("practice_id")`);

    await q.query(`ALTER TABLE "audit_events" ADD "practice_id" uuid`);
    await q.query(`UPDATE "audit_events" a SET "practice_id" = v."practice_id" FROM "visits" v WHERE v."id" = a."visit_id"`);
    await q.query(`CREATE INDEX "ix_audit_events_practice" ON "audit_events" ("practice_id", "created_at")`);

    await q.query(`CREATE TABLE "assistant_doctors" (
      "assistant_id" uuid NOT NULL, "doctor_id" uuid NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_assistant_doctors" PRIMARY KEY ("assistant_id", "doctor_id"))`);
    await q.query(`CREATE INDEX "ix_assistant_doctors_doctor" ON "assistant_doctors" ("doctor_id")`);
    await q.query(`ALTER TABLE "assistant_doctors" ADD CONSTRAINT "fk_assistant_doctors_assistant" FOREIGN KEY ("assistant_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "assistant_doctors" ADD CONSTRAINT "fk_assistant_doctors_doctor" FOREIGN KEY ("doctor_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

    await q.query(`CREATE TABLE "password_tokens" (
      "id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "purpose" character varying(10) NOT NULL,
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_password_tokens" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_password_tokens_hash" ON "password_tokens" ("token_hash")`);
    await q.query(`CREATE INDEX "ix_password_tokens_user" ON "password_tokens" ("user_id")`);
    await q.query(`ALTER TABLE "password_tokens" ADD CONSTRAINT "fk_password_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "password_tokens"`);
    await q.query(`DROP TABLE "assistant_doctors"`);
    await q.query(`DROP INDEX "ix_audit_events_practice"`);
    await q.query(`ALTER TABLE "audit_events" DROP COLUMN "practice_id"`);
    await q.query(`ALTER TABLE "billing_batches" DISABLE TRIGGER "tr_billing_batches_immutable"`);
    for (const table of ['billing_batches', 'billing_lines', 'visits', 'patients', 'users']) {
      await q.query(`ALTER TABLE "${table}" DROP CONSTRAINT "fk_${table}_practice"`);
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "practice_id"`);
    }
    await q.query(`ALTER TABLE "billing_batches" ENABLE TRIGGER "tr_billing_batches_immutable"`);
    // Invited users who never set a password cannot sign in anyway: they go with the column's constraint.
    await q.query(`DELETE FROM "users" WHERE "password_hash" IS NULL`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "disabled_at", ALTER COLUMN "password_hash" SET NOT NULL`);
    await q.query(`DROP TABLE "practices"`);
  }
}
