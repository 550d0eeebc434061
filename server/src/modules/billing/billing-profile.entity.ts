import { Column, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import type { Profession, Sector, Specialty } from '@visite/contracts';
import { BaseEntity } from '../../database/base.entity';
import { UserEntity } from '../auth/user.entity';

/** A practitioner's billing identity (RPPS, Assurance Maladie number, profession, sector), set by billing staff. */
@Entity('billing_profiles')
export class BillingProfileEntity extends BaseEntity {
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Index('uq_billing_profiles_user', { unique: true })
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_billing_profiles_user' })
  user: UserEntity;

  @Column({ type: 'varchar', length: 11 })
  rpps: string;

  @Column({ name: 'am_number', type: 'varchar', length: 9 })
  amNumber: string;

  @Column({ type: 'varchar', length: 20 })
  profession: Profession;

  @Column({ type: 'varchar', length: 30 })
  specialty: Specialty;

  @Column({ type: 'varchar', length: 20 })
  sector: Sector;

  @Column({ type: 'boolean' })
  optam: boolean;

  @Column({ name: 'first_name', type: 'varchar', length: 100 })
  firstName: string;

  @Column({ name: 'last_name', type: 'varchar', length: 100 })
  lastName: string;

  @Column({ name: 'declared_acts_year', type: 'integer', nullable: true })
  declaredActsYear: number | null;

  @Column({ name: 'declared_acts_total', type: 'integer', nullable: true })
  declaredActsTotal: number | null;
}
