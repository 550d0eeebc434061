import { Column, Entity, Index } from 'typeorm';
import type { UserRole } from '@visite/contracts';
import { BaseEntity } from '../../database/base.entity';

@Entity('users')
export class UserEntity extends BaseEntity {
  @Index('uq_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName: string;

  @Column({ type: 'varchar', length: 20 })
  role: UserRole;

  /** The doctor's latest message to their waiting patients ("running 15 minutes late"). */
  @Column({ name: 'queue_message', type: 'varchar', length: 280, nullable: true })
  queueMessage: string | null;
}
