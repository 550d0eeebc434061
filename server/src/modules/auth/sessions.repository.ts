import { Injectable } from '@nestjs/common';
import { In, LessThan, MoreThan, Repository } from 'typeorm';
import { SessionEntity } from './session.entity';
import { Db } from '../../database/db';

@Injectable()
export class SessionsRepository {
  constructor(private readonly db: Db) {}

  private get repo(): Repository<SessionEntity> {
    return this.db.repo(SessionEntity);
  }

  create(userId: string, tokenHash: string, expiresAt: Date): Promise<SessionEntity> {
    return this.repo.save(this.repo.create({ userId, tokenHash, expiresAt }));
  }

  findValid(tokenHash: string, now: Date): Promise<SessionEntity | null> {
    return this.repo.findOne({ where: { tokenHash, expiresAt: MoreThan(now) }, relations: { user: true } });
  }

  /** Deletes the session of this token; its id, or null when there was none. */
  async delete(tokenHash: string): Promise<string | null> {
    const rows = (await this.repo.createQueryBuilder().delete().where({ tokenHash }).returning(['id']).execute()).raw as { id: string }[];
    return rows[0]?.id ?? null;
  }

  /** Deletes every expired session; how many there were. Idempotent, so several nodes may run it. */
  async deleteExpired(now: Date): Promise<number> {
    return (await this.repo.delete({ expiresAt: LessThan(now) })).affected ?? 0;
  }

  /** Which of these sessions still exist and have not expired (the realtime sweep). */
  async stillValid(ids: readonly string[], now: Date): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.repo.find({ select: { id: true }, where: { id: In([...ids]), expiresAt: MoreThan(now) } });
    return new Set(rows.map((r) => r.id));
  }

  /** Ends every session of a user (disabled account, password reset). */
  async deleteForUser(userId: string): Promise<void> {
    await this.repo.delete({ userId });
  }
}
