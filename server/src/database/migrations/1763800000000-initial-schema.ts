import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "users" (
      "id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "email" character varying(254) NOT NULL, "password_hash" character varying(255) NOT NULL,
      "display_name" character varying(200) NOT NULL, "role" character varying(20) NOT NULL,
      "queue_message" character varying(280),
      CONSTRAINT "PK_users" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_users_email" ON "users" ("email")`);
    await q.query(`CREATE TABLE "sessions" (
      "id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "token_hash" character(64) NOT NULL, "user_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_sessions" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_sessions_token_hash" ON "sessions" ("token_hash")`);
    await q.query(`CREATE INDEX "ix_sessions_user_id" ON "sessions" ("user_id")`);
    await q.query(`CREATE TABLE "patients" (
      "id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "first_name" character varying(100) NOT NULL, "last_name" character varying(100) NOT NULL,
      "birth_date" date NOT NULL, "phone" character varying(20), "email" character varying(254),
      CONSTRAINT "PK_patients" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "visits" (
      "id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "doctor_id" uuid NOT NULL, "patient_id" uuid NOT NULL, "status" character varying(20) NOT NULL,
      "scheduled_at" TIMESTAMP WITH TIME ZONE NOT NULL, "join_token_hash" character(64) NOT NULL,
      "join_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "waiting_since" TIMESTAMP WITH TIME ZONE,
      "started_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "ended_by" character varying(10),
      CONSTRAINT "PK_visits" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_visits_join_token_hash" ON "visits" ("join_token_hash")`);
    await q.query(`CREATE INDEX "ix_visits_doctor_scheduled" ON "visits" ("doctor_id", "scheduled_at")`);
    await q.query(`CREATE TABLE "consents" (
      "id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "visit_id" uuid NOT NULL, "version" character varying(20) NOT NULL, "accepted" boolean NOT NULL,
      "user_agent" character varying(500),
      CONSTRAINT "PK_consents" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_consents_visit_id" ON "consents" ("visit_id")`);
    await q.query(`CREATE TABLE "audit_events" (
      "id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "actor_type" character varying(10) NOT NULL, "actor_id" character varying(100), "action" character varying(60) NOT NULL,
      "visit_id" uuid, "detail" jsonb NOT NULL DEFAULT '{}',
      CONSTRAINT "PK_audit_events" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_audit_events_visit" ON "audit_events" ("visit_id", "created_at")`);
    await q.query(`ALTER TABLE "sessions" ADD CONSTRAINT "fk_sessions_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "visits" ADD CONSTRAINT "fk_visits_doctor" FOREIGN KEY ("doctor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "visits" ADD CONSTRAINT "fk_visits_patient" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "consents" ADD CONSTRAINT "fk_consents_visit" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "audit_events"`);
    await q.query(`DROP TABLE "consents"`);
    await q.query(`DROP TABLE "visits"`);
    await q.query(`DROP TABLE "patients"`);
    await q.query(`DROP TABLE "sessions"`);
    await q.query(`DROP TABLE "users"`);
  }
}
