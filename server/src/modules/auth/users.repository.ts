import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UserEntity } from './user.entity';

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly repo: Repository<UserEntity>) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ email: email.toLowerCase() });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id });
  }

  create(user: Pick<UserEntity, 'email' | 'passwordHash' | 'displayName' | 'role'>): Promise<UserEntity> {
    return this.repo.save(this.repo.create({ ...user, email: user.email.toLowerCase(), queueMessage: null }));
  }

  async setQueueMessage(id: string, message: string | null): Promise<void> {
    await this.repo.update({ id }, { queueMessage: message });
  }
}
