import { Column, Entity } from 'typeorm';
import type { PracticeSettings } from '@visite/contracts';
import { BaseEntity } from '../../database/base.entity';

/** A medical practice: it owns its staff, patients, visits, billing and keys. */
@Entity('practices')
export class PracticeEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Parsed with `practiceSettingsSchema` on every read (older documents get the newer defaults). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  settings: PracticeSettings;
}
