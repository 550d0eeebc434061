import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { BillingProfileEntity } from './billing-profile.entity';

export type ProfileFields = Omit<BillingProfileEntity, 'id' | 'createdAt' | 'updatedAt' | 'user' | 'assignId'>;

@Injectable()
export class BillingProfilesRepository {
  constructor(
    @InjectRepository(BillingProfileEntity) private readonly repo: Repository<BillingProfileEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

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
