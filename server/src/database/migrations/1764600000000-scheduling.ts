import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Availability (opening hours, visit types, absences), bookings, and the rule that makes two visits in
 * one slot of one doctor impossible: an exclusion constraint over the visit's time range (btree_gist
 * gives GiST the `=` on the doctor's id; PostgreSQL and PGlite both ship it).
 */
export class Scheduling1764600000000 implements MigrationInterface {
  name = 'Scheduling1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`CREATE TABLE "doctor_availability" (
      "doctor_id" uuid NOT NULL, "practice_id" uuid NOT NULL, "time_zone" character varying(64),
      "weekly" jsonb NOT NULL DEFAULT '[]', "horizon_days" integer NOT NULL, "min_notice_minutes" integer NOT NULL,
      "public_booking" boolean NOT NULL DEFAULT true, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_doctor_availability" PRIMARY KEY ("doctor_id"),
      CONSTRAINT "fk_doctor_availability_doctor" FOREIGN KEY ("doctor_id") REFERENCES "users"("id") ON DELETE CASCADE,
      CONSTRAINT "fk_doctor_availability_practice" FOREIGN KEY ("practice_id") REFERENCES "practices"("id") ON DELETE RESTRICT)`);
    await q.query(`CREATE TABLE "visit_types" (
      "id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "practice_id" uuid NOT NULL, "doctor_id" uuid,
      "name" character varying(80) NOT NULL, "kind" character varying(12) NOT NULL, "duration_minutes" integer NOT NULL,
      "public_booking" boolean NOT NULL DEFAULT true, "archived_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_visit_types" PRIMARY KEY ("id"),
      CONSTRAINT "ck_visit_types_duration" CHECK ("duration_minutes" BETWEEN 5 AND 240),
      CONSTRAINT "fk_visit_types_practice" FOREIGN KEY ("practice_id") REFERENCES "practices"("id") ON DELETE RESTRICT,
      CONSTRAINT "fk_visit_types_doctor" FOREIGN KEY ("doctor_id") REFERENCES "users"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "ix_visit_types_practice" ON "visit_types" ("practice_id", "doctor_id")`);
    await q.query(`CREATE TABLE "absences" (
      "id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "practice_id" uuid NOT NULL, "doctor_id" uuid,
      "start_date" date NOT NULL, "end_date" date NOT NULL, "start_time" character varying(5), "end_time" character varying(5),
      "label" character varying(120), "created_by" uuid,
      CONSTRAINT "PK_absences" PRIMARY KEY ("id"),
      CONSTRAINT "ck_absences_dates" CHECK ("end_date" >= "start_date"),
      CONSTRAINT "fk_absences_practice" FOREIGN KEY ("practice_id") REFERENCES "practices"("id") ON DELETE RESTRICT,
      CONSTRAINT "fk_absences_doctor" FOREIGN KEY ("doctor_id") REFERENCES "users"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "ix_absences_practice" ON "absences" ("practice_id", "end_date")`);
    await q.query(`ALTER TABLE "visits" ADD "ends_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "visits" ADD "visit_type_id" uuid`);
    await q.query(`ALTER TABLE "visits" ADD CONSTRAINT "fk_visits_visit_type" FOREIGN KEY ("visit_type_id") REFERENCES "visit_types"("id") ON DELETE RESTRICT`);
    await q.query(`ALTER TABLE "visits" ADD CONSTRAINT "ck_visits_ends_after_start" CHECK ("ends_at" IS NULL OR "ends_at" > "scheduled_at")`);
    // Never two visits in one slot of one doctor: any two booked, not cancelled visits of a doctor have
    // disjoint [start, end) ranges. Concurrent inserts of overlapping ranges wait for each other; the
    // second fails with exclusion_violation (23P01), which the API answers 409 SLOT_TAKEN.
    await q.query(`ALTER TABLE "visits" ADD CONSTRAINT "ex_visits_doctor_slot" EXCLUDE USING gist
      ("doctor_id" WITH =, tstzrange("scheduled_at", "ends_at", '[)') WITH &&) WHERE ("ends_at" IS NOT NULL AND "status" <> 'cancelled')`);
    await q.query(`CREATE TABLE "visit_bookings" (
      "visit_id" uuid NOT NULL, "practice_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "booked_by" character varying(10) NOT NULL, "reason" text, "contact_consent_at" TIMESTAMP WITH TIME ZONE,
      "language" character varying(2) NOT NULL, "time_zone" character varying(64) NOT NULL,
      CONSTRAINT "PK_visit_bookings" PRIMARY KEY ("visit_id"),
      CONSTRAINT "fk_visit_bookings_visit" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE CASCADE,
      CONSTRAINT "fk_visit_bookings_practice" FOREIGN KEY ("practice_id") REFERENCES "practices"("id") ON DELETE RESTRICT)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "visit_bookings"`);
    await q.query(`ALTER TABLE "visits" DROP CONSTRAINT "ex_visits_doctor_slot"`);
    await q.query(`ALTER TABLE "visits" DROP CONSTRAINT "ck_visits_ends_after_start"`);
    await q.query(`ALTER TABLE "visits" DROP CONSTRAINT "fk_visits_visit_type"`);
    await q.query(`ALTER TABLE "visits" DROP COLUMN "visit_type_id"`);
    await q.query(`ALTER TABLE "visits" DROP COLUMN "ends_at"`);
    await q.query(`DROP TABLE "absences"`);
    await q.query(`DROP TABLE "visit_types"`);
    await q.query(`DROP TABLE "doctor_availability"`);
  }
}
