import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db';
import { UserEntity } from '../auth/user.entity';
import { PasswordTokenEntity } from '../staff/password-token.entity';

/** What the outbox reads to send a set-password e-mail: the staff member, and whether the link still works. */
@Injectable()
export class StaffRecipientsRepository {
  constructor(private readonly db: Db) {}

  user(id: string): Promise<UserEntity | null> {
    return this.db.repo(UserEntity).findOne({ where: { id } });
  }

  token(tokenHash: string): Promise<PasswordTokenEntity | null> {
    return this.db.repo(PasswordTokenEntity).findOne({ where: { tokenHash } });
  }
}
