import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../database/base.entity';
import { PracticeEntity } from '../practice/practice.entity';

/** `data` keys encrypt fields (versioned: new writes use the newest); the `index` key makes blind indexes. */
export type PracticeKeyPurpose = 'data' | 'index';

/**
 * A practice's key, wrapped (AES-256-GCM) by the master key named by `masterKeyId`. The master key
 * itself is never in the database: it comes from the configuration (VISITE_MASTER_KEY or its file).
 */
@Entity('practice_keys')
@Index('uq_practice_keys_version', ['practiceId', 'purpose', 'version'], { unique: true })
export class PracticeKeyEntity extends BaseEntity {
  @Column({ name: 'practice_id', type: 'uuid' })
  practiceId: string;

  @ManyToOne(() => PracticeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'fk_practice_keys_practice' })
  practice: PracticeEntity;

  @Column({ type: 'varchar', length: 10 })
  purpose: PracticeKeyPurpose;

  @Column({ type: 'integer' })
  version: number;

  /** base64 of iv ‖ wrapped key ‖ tag. */
  @Column({ name: 'wrapped_key', type: 'text' })
  wrappedKey: string;

  @Column({ name: 'master_key_id', type: 'char', length: 16 })
  masterKeyId: string;
}
