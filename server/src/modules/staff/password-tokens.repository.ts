import { Injectable } from '@nestjs/common';
import { IsNull, Repository } from 'typeorm';
import { Db } from '../../database/db';
import { PasswordTokenEntity, type PasswordTokenPurpose } from './password-token.entity';

@Injectable()
export class PasswordTokensRepository {
  constructor(private readonly db: Db) {}

  private get repo(): Repository<PasswordTokenEntity> {
    return this.db.repo(PasswordTokenEntity);
  }

  /** A new link for the user; earlier unused links of the user stop working. */
  async issue(userId: string, tokenHash: string, purpose: PasswordTokenPurpose, expiresAt: Date): Promise<void> {
    const repo = this.repo;
    await repo.update({ userId, usedAt: IsNull() }, { usedAt: new Date() });
    await repo.save(repo.create({ userId, tokenHash, purpose, expiresAt, usedAt: null }));
  }

  findByHash(tokenHash: string): Promise<PasswordTokenEntity | null> {
    return this.repo.findOne({ where: { tokenHash }, relations: { user: { practice: true } } });
  }

  /** Uses the token up; false when it was used (or revoked) meanwhile, so it works exactly once. */
  async consume(id: string): Promise<boolean> {
    const result = await this.db.manager
      .createQueryBuilder()
      .update(PasswordTokenEntity)
      .set({ usedAt: new Date() })
      .where('id = :id AND used_at IS NULL', { id })
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length === 1;
  }

  async revokeForUser(userId: string): Promise<void> {
    await this.repo.update({ userId, usedAt: IsNull() }, { usedAt: new Date() });
  }
}
