import { Injectable } from '@nestjs/common';
import { Repository } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { BillingProfileEntity } from './billing-profile.entity';
import { Db } from '../../database/db';

export type ProfileFields = Omit<BillingProfileEntity, 'id' | 'createdAt' | 'updatedAt' | 'user' | 'assignId'>;

@Injectable()
export class BillingProfilesRepository {
  constructor(private readonly db: Db) {}

  private get repo(): Repository<BillingProfileEntity> {
    return this.db.repo(BillingProfileEntity);
  }

  private get users(): Repository<UserEntity> {
    return this.db.repo(UserEntity);
  }

  findByUserId(userId: string): Promise<BillingProfileEntity | null> {
    return this.repo.findOneBy({ userId });
  }

  async upsert(fields: ProfileFields): Promise<void> {
    const existing = await this.findByUserId(fields.userId);
    await this.repo.save(existing ? Object.assign(existing, fields) : this.repo.create(fields));
  }

  doctors(practiceId: string): Promise<UserEntity[]> {
    return this.users.find({ where: { practiceId, role: 'doctor' }, order: { displayName: 'ASC' } });
  }

  findDoctor(practiceId: string, id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id, practiceId, role: 'doctor' });
  }

  forUsers(userIds: string[]): Promise<BillingProfileEntity[]> {
    return userIds.length === 0 ? Promise.resolve([]) : this.repo.createQueryBuilder('p').where('p.user_id IN (:...userIds)', { userIds }).getMany();
  }
}
