import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity';

/** An assistant manages the schedules and queues of the doctors they are linked to. */
@Entity('assistant_doctors')
export class AssistantLinkEntity {
  @PrimaryColumn({ name: 'assistant_id', type: 'uuid' })
  assistantId: string;

  @Index('ix_assistant_doctors_doctor')
  @PrimaryColumn({ name: 'doctor_id', type: 'uuid' })
  doctorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assistant_id', foreignKeyConstraintName: 'fk_assistant_doctors_assistant' })
  assistant: UserEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'doctor_id', foreignKeyConstraintName: 'fk_assistant_doctors_doctor' })
  doctor: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
