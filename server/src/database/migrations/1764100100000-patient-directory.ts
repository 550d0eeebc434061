import { MigrationInterface, QueryRunner } from 'typeorm';

const ENCRYPTED = ['first_name', 'last_name', 'birth_date', 'phone', 'email', 'ins', 'insured_nir', 'regular_doctor_rpps'];
const INDEXES = ['first', 'last', 'birth', 'dob', 'phone', 'first_p3', 'last_p3', 'birth_p3'];

/**
 * The patient directory, with its health data encrypted by the application:
 * - practice keys (data keys by version and an index key), each wrapped by the configured master key;
 * - patients' identity and contact columns become text holding `enc1:` ciphertexts (rows written before
 *   are encrypted by the server at its next boot, which has the key); blind indexes (keyed hashes) of
 *   normalised names, date of birth and phone for search and duplicate detection;
 * - birth name and preferred language; pairs that staff marked "not the same person".
 * Down refuses while encrypted values exist: only the application can decrypt them.
 */
export class PatientDirectory1764100100000 implements MigrationInterface {
  name = 'PatientDirectory1764100100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "practice_keys" (
      "id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "practice_id" uuid NOT NULL, "purpose" character varying(10) NOT NULL, "version" integer NOT NULL,
      "wrapped_key" text NOT NULL, "master_key_id" character(16) NOT NULL,
      CONSTRAINT "PK_practice_keys" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_practice_keys_version" ON "practice_keys" ("practice_id", "purpose", "version")`);
    await q.query(`ALTER TABLE "practice_keys" ADD CONSTRAINT "fk_practice_keys_practice" FOREIGN KEY ("practice_id") REFERENCES "practices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    await q.query(`ALTER TABLE "patients" ${ENCRYPTED.map((c) => `ALTER COLUMN "${c}" TYPE text USING "${c}"::text`).join(', ')}`);
    await q.query(`ALTER TABLE "patients" ADD "birth_name" text, ADD "preferred_language" character varying(2) NOT NULL DEFAULT 'fr', ${INDEXES.map((i) => `ADD "bidx_${i}" character(32)`).join(', ')}`);
    for (const i of ['dob', 'phone', 'last', 'first_p3', 'last_p3', 'birth_p3']) {
      await q.query(`CREATE INDEX "ix_patients_bidx_${i}" ON "patients" ("practice_id", "bidx_${i}")`);
    }

    await q.query(`CREATE TABLE "patient_distinct_pairs" (
      "patient_a" uuid NOT NULL, "patient_b" uuid NOT NULL, "practice_id" uuid NOT NULL, "created_by" uuid NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "ck_patient_distinct_pairs_order" CHECK ("patient_a" < "patient_b"),
      CONSTRAINT "PK_patient_distinct_pairs" PRIMARY KEY ("patient_a", "patient_b"))`);
    await q.query(`CREATE INDEX "ix_patient_distinct_pairs_practice" ON "patient_distinct_pairs" ("practice_id")`);
    await q.query(`ALTER TABLE "patient_distinct_pairs" ADD CONSTRAINT "fk_patient_distinct_pairs_a" FOREIGN KEY ("patient_a") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "patient_distinct_pairs" ADD CONSTRAINT "fk_patient_distinct_pairs_b" FOREIGN KEY ("patient_b") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    const [{ n }] = await q.query(`SELECT COUNT(*)::int AS n FROM "patients" WHERE "first_name" LIKE 'enc1:%'`);
    if (n > 0) throw new Error(`${n} patients have encrypted identities: this migration cannot be reverted (the database cannot decrypt them)`);
    await q.query(`DROP TABLE "patient_distinct_pairs"`);
    for (const i of ['dob', 'phone', 'last', 'first_p3', 'last_p3', 'birth_p3']) await q.query(`DROP INDEX "ix_patients_bidx_${i}"`);
    await q.query(`ALTER TABLE "patients" DROP COLUMN "birth_name", DROP COLUMN "preferred_language", ${INDEXES.map((i) => `DROP COLUMN "bidx_${i}"`).join(', ')}`);
    await q.query(`ALTER TABLE "patients"
      ALTER COLUMN "first_name" TYPE character varying(100), ALTER COLUMN "last_name" TYPE character varying(100),
      ALTER COLUMN "birth_date" TYPE date USING "birth_date"::date, ALTER COLUMN "phone" TYPE character varying(20),
      ALTER COLUMN "email" TYPE character varying(254), ALTER COLUMN "ins" TYPE character varying(15),
      ALTER COLUMN "insured_nir" TYPE character varying(15), ALTER COLUMN "regular_doctor_rpps" TYPE character varying(11)`);
    await q.query(`DROP TABLE "practice_keys"`);
  }
}
