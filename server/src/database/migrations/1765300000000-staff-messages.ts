import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox also carries set-password e-mails to staff: a row belongs to a visit or to a staff account
 * (exactly one), and a staff row keeps its link's token encrypted (`secret`) until it is rendered.
 */
export class StaffMessages1765300000000 implements MigrationInterface {
  name = 'StaffMessages1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "outbox_messages" ALTER COLUMN "visit_id" DROP NOT NULL`);
    await q.query(`ALTER TABLE "outbox_messages" ADD "staff_user_id" uuid`);
    await q.query(`ALTER TABLE "outbox_messages" ADD "secret" text`);
    await q.query(`ALTER TABLE "outbox_messages" ADD CONSTRAINT "fk_outbox_messages_staff_user" FOREIGN KEY ("staff_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "outbox_messages" ADD CONSTRAINT "ck_outbox_messages_owner" CHECK (("visit_id" IS NULL) <> ("staff_user_id" IS NULL))`);
    await q.query(`CREATE INDEX "ix_outbox_messages_staff_user" ON "outbox_messages" ("staff_user_id", "created_at") WHERE "staff_user_id" IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "outbox_messages" WHERE "staff_user_id" IS NOT NULL`);
    await q.query(`DROP INDEX "ix_outbox_messages_staff_user"`);
    await q.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "ck_outbox_messages_owner"`);
    await q.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "fk_outbox_messages_staff_user"`);
    await q.query(`ALTER TABLE "outbox_messages" DROP COLUMN "secret"`);
    await q.query(`ALTER TABLE "outbox_messages" DROP COLUMN "staff_user_id"`);
    await q.query(`ALTER TABLE "outbox_messages" ALTER COLUMN "visit_id" SET NOT NULL`);
  }
}
