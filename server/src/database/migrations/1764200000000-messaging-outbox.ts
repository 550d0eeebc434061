import { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox of messages to patients, and each visit's sealed join token and calendar sequence. */
export class MessagingOutbox1764200000000 implements MigrationInterface {
  name = 'MessagingOutbox1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "outbox_messages" (
      "id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "practice_id" uuid NOT NULL, "visit_id" uuid NOT NULL,
      "kind" character varying(20) NOT NULL, "channel" character varying(10) NOT NULL, "reminder_minutes" integer,
      "state" character varying(20) NOT NULL, "outcome" character varying(30),
      "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "attempts" integer NOT NULL DEFAULT 0, "claim_token" uuid, "claimed_by" character varying(100),
      "ics_sequence" integer, "resend_of" uuid, "requested_by" uuid, "sent_at" TIMESTAMP WITH TIME ZONE,
      "provider" character varying(20), "provider_message_id" character varying(200), "last_error" character varying(500),
      "content" text,
      CONSTRAINT "PK_outbox_messages" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_outbox_messages_claim" ON "outbox_messages" ("state", "next_attempt_at")`);
    await q.query(`CREATE INDEX "ix_outbox_messages_visit" ON "outbox_messages" ("visit_id", "created_at")`);
    await q.query(`CREATE INDEX "ix_outbox_messages_practice" ON "outbox_messages" ("practice_id", "created_at")`);
    await q.query(`ALTER TABLE "outbox_messages" ADD CONSTRAINT "fk_outbox_messages_practice" FOREIGN KEY ("practice_id") REFERENCES "practices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "outbox_messages" ADD CONSTRAINT "fk_outbox_messages_visit" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`CREATE TABLE "visit_messaging" (
      "visit_id" uuid NOT NULL, "join_token_sealed" text NOT NULL, "calendar_sequence" integer NOT NULL DEFAULT 0,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_visit_messaging" PRIMARY KEY ("visit_id"))`);
    await q.query(`ALTER TABLE "visit_messaging" ADD CONSTRAINT "fk_visit_messaging_visit" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "visit_messaging"`);
    await q.query(`DROP TABLE "outbox_messages"`);
  }
}
