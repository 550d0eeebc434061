import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../database/base.entity';
import { UserEntity } from '../auth/user.entity';

export type PasswordTokenPurpose = 'invite' | 'reset';

/** A single-use, expiring set-password link (invitation or reset). Only the token's SHA-256 is stored. */
@Entity('password_tokens')
export class PasswordTokenEntity extends BaseEntity {
  @Index('ix_password_tokens_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_password_tokens_user' })
  user: UserEntity;

  @Index('uq_password_tokens_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 10 })
  purpose: PasswordTokenPurpose;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
