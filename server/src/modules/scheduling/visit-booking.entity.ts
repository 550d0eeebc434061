import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Language } from '@visite/contracts';
import { PracticeEntity } from '../practice/practice.entity';
import { VisitEntity } from '../visits/visit.entity';

/** How a visit was booked: by staff or by the patient on the public page, and what the patient said. */
@Entity('visit_bookings')
export class VisitBookingEntity {
  @PrimaryColumn({ name: 'visit_id', type: 'uuid' })
  visitId: string;

  @ManyToOne(() => VisitEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'visit_id', foreignKeyConstraintName: 'fk_visit_bookings_visit' })
  visit?: VisitEntity;

  @Column({ name: 'practice_id', type: 'uuid' })
  practiceId: string;

  @ManyToOne(() => PracticeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'fk_visit_bookings_practice' })
  practice?: PracticeEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'booked_by', type: 'varchar', length: 10 })
  bookedBy: 'staff' | 'patient';

  /** The reason the patient gave (health data): encrypted with the practice's keys (Keyring). */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** When the patient agreed to be contacted about the appointment (the public page). */
  @Column({ name: 'contact_consent_at', type: 'timestamptz', nullable: true })
  contactConsentAt: Date | null;

  /** The language and time zone of the patient's messages. */
  @Column({ type: 'varchar', length: 2 })
  language: Language;

  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone: string;
}
