import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consent as a record (docs/consent.md):
 * - `consent_texts`: each practice's texts, one row per version of a kind (teleconsultation, health data,
 *   third person present), French and English in one document; a new version is a new row;
 * - `consents`: every answer of a participant (the patient, or a guest), given or withdrawn, with the
 *   text's version, the language and wording shown, how it was given and what it supersedes;
 * - both tables are append-only: a trigger refuses UPDATE, DELETE and TRUNCATE, so a consent is never
 *   edited or deleted, only superseded by a later row (one chain per participant and kind: each row is
 *   superseded at most once, and only one row starts a chain).
 * The former single-text `consents` rows are kept, untouched, as `consents_legacy`.
 */
export class ConsentRecords1764800000000 implements MigrationInterface {
  name = 'ConsentRecords1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "consents" RENAME TO "consents_legacy"`);
    await q.query(`ALTER TABLE "consents_legacy" RENAME CONSTRAINT "PK_consents" TO "PK_consents_legacy"`);
    await q.query(`ALTER TABLE "consents_legacy" RENAME CONSTRAINT "fk_consents_visit" TO "fk_consents_legacy_visit"`);
    await q.query(`ALTER INDEX "ix_consents_visit_id" RENAME TO "ix_consents_legacy_visit_id"`);

    await q.query(`CREATE TABLE "consent_texts" (
      "id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "practice_id" uuid NOT NULL, "kind" character varying(30) NOT NULL, "version" integer NOT NULL,
      "content" jsonb NOT NULL, "created_by" uuid,
      CONSTRAINT "CHK_consent_texts_kind" CHECK ("kind" IN ('teleconsultation', 'health_data', 'third_party_present')),
      CONSTRAINT "CHK_consent_texts_version" CHECK ("version" >= 1),
      CONSTRAINT "PK_consent_texts" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "ux_consent_texts_version" ON "consent_texts" ("practice_id", "kind", "version")`);
    await q.query(`ALTER TABLE "consent_texts" ADD CONSTRAINT "fk_consent_texts_practice" FOREIGN KEY ("practice_id") REFERENCES "practices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "consent_texts" ADD CONSTRAINT "fk_consent_texts_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    await q.query(`CREATE TABLE "consents" (
      "id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "practice_id" uuid NOT NULL, "visit_id" uuid NOT NULL,
      "participant" character varying(10) NOT NULL, "guest_id" uuid,
      "kind" character varying(30) NOT NULL, "decision" character varying(10) NOT NULL,
      "text_id" uuid, "text_version" integer, "language" character varying(2) NOT NULL, "wording" character varying(5),
      "method" character varying(20) NOT NULL, "recorded_by" uuid, "supersedes_id" uuid, "user_agent" character varying(500),
      CONSTRAINT "CHK_consents_participant" CHECK ("participant" IN ('patient', 'guest') AND ("participant" = 'guest') = ("guest_id" IS NOT NULL)),
      CONSTRAINT "CHK_consents_kind" CHECK ("kind" IN ('teleconsultation', 'health_data', 'third_party_present')),
      CONSTRAINT "CHK_consents_decision" CHECK ("decision" IN ('given', 'withdrawn') AND ("decision" = 'withdrawn' OR ("text_id" IS NOT NULL AND "text_version" IS NOT NULL))),
      CONSTRAINT "CHK_consents_method" CHECK ("method" IN ('web_checkbox', 'web_button', 'oral') AND ("method" = 'oral') = ("recorded_by" IS NOT NULL)),
      CONSTRAINT "CHK_consents_language" CHECK ("language" IN ('fr', 'en')),
      CONSTRAINT "CHK_consents_wording" CHECK ("wording" IS NULL OR "wording" IN ('video', 'audio')),
      CONSTRAINT "PK_consents" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_consents_visit" ON "consents" ("visit_id", "created_at")`);
    await q.query(`CREATE UNIQUE INDEX "ux_consents_supersedes" ON "consents" ("supersedes_id")`);
    // One chain per visit, participant and kind: a single row without a predecessor.
    await q.query(`CREATE UNIQUE INDEX "ux_consents_chain_start" ON "consents"
      ("visit_id", "participant", COALESCE("guest_id", '00000000-0000-0000-0000-000000000000'::uuid), "kind") WHERE "supersedes_id" IS NULL`);
    await q.query(`ALTER TABLE "consents" ADD CONSTRAINT "fk_consents_practice" FOREIGN KEY ("practice_id") REFERENCES "practices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "consents" ADD CONSTRAINT "fk_consents_visit" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "consents" ADD CONSTRAINT "fk_consents_text" FOREIGN KEY ("text_id") REFERENCES "consent_texts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "consents" ADD CONSTRAINT "fk_consents_recorded_by" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "consents" ADD CONSTRAINT "fk_consents_supersedes" FOREIGN KEY ("supersedes_id") REFERENCES "consents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    await q.query(`CREATE FUNCTION "consent_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused (a consent is superseded by a new row, never edited)', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    for (const table of ['consents', 'consent_texts']) {
      await q.query(`CREATE TRIGGER "tr_${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "consent_append_only"()`);
      await q.query(`CREATE TRIGGER "tr_${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "consent_append_only"()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "consents"`);
    await q.query(`DROP TABLE "consent_texts"`);
    await q.query(`DROP FUNCTION "consent_append_only"()`);
    await q.query(`ALTER INDEX "ix_consents_legacy_visit_id" RENAME TO "ix_consents_visit_id"`);
    await q.query(`ALTER TABLE "consents_legacy" RENAME CONSTRAINT "fk_consents_legacy_visit" TO "fk_consents_visit"`);
    await q.query(`ALTER TABLE "consents_legacy" RENAME CONSTRAINT "PK_consents_legacy" TO "PK_consents"`);
    await q.query(`ALTER TABLE "consents_legacy" RENAME TO "consents"`);
  }
}
