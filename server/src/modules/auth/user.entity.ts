import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { UserRole } from '@visite/contracts';
import { BaseEntity } from '../../database/base.entity';
import { PracticeEntity } from '../practice/practice.entity';

@Entity('users')
export class UserEntity extends BaseEntity {
  @Index('ix_users_practice')
  @Column({ name: 'practice_id', type: 'uuid' })
  practiceId: string;

  @ManyToOne(() => PracticeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'fk_users_practice' })
  practice: PracticeEntity;

  @Index('uq_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** Null until an invited person sets their password. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName: string;

  @Column({ type: 'varchar', length: 20 })
  role: UserRole;

  /** The doctor's latest message to their waiting patients ("running 15 minutes late"). */
  @Column({ name: 'queue_message', type: 'varchar', length: 280, nullable: true })
  queueMessage: string | null;

  /** A disabled account cannot sign in; its sessions were ended when it was disabled. */
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;
}
