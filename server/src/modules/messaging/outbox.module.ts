import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessageScheduler } from './message-scheduler.service';
import { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxRepository } from './outbox.repository';
import { OutboxSignal } from './outbox-signal';
import { PracticeFactsService } from './practice-facts';
import { VisitMessagingEntity } from './visit-messaging.entity';
import { VisitMessagingRepository } from './visit-messaging.repository';

/**
 * The outbox itself: its tables, the scheduler that writes rows in the transactions of visit changes,
 * (its secrets are encrypted with the practice's keys, through the global Keyring). Visits import it; the sending side (MessagingModule) builds on it.
 */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessageEntity, VisitMessagingEntity])],
  providers: [
    OutboxRepository,
    VisitMessagingRepository,
    MessageScheduler,
    OutboxSignal,
    PracticeFactsService,
  ],
  exports: [OutboxRepository, VisitMessagingRepository, MessageScheduler, OutboxSignal, PracticeFactsService],
})
export class OutboxModule {}
