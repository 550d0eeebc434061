import { Injectable } from '@nestjs/common';
import { LessThan, MoreThan, Repository } from 'typeorm';
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

  async delete(tokenHash: string): Promise<void> {
    await this.repo.delete({ tokenHash });
  }

  async deleteExpired(now: Date): Promise<void> {
    await this.repo.delete({ expiresAt: LessThan(now) });
  }

  /** Ends every session of a user (disabled account, password reset). */
  async deleteForUser(userId: string): Promise<void> {
    await this.repo.delete({ userId });
  }
}
