import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SecretBox } from '../../common/crypto/secret-box';
import { AppConfig } from '../../config/app-config';
import { MessageScheduler } from './message-scheduler.service';
import { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxRepository } from './outbox.repository';
import { OutboxSignal } from './outbox-signal';
import { PracticeFactsService } from './practice-facts';
import { VisitMessagingEntity } from './visit-messaging.entity';
import { VisitMessagingRepository } from './visit-messaging.repository';

/**
 * The outbox itself: its tables, the scheduler that writes rows in the transactions of visit changes,
 * and the sealing key. Visits import it; the sending side (MessagingModule) builds on it.
 */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessageEntity, VisitMessagingEntity])],
  providers: [
    OutboxRepository,
    VisitMessagingRepository,
    MessageScheduler,
    OutboxSignal,
    PracticeFactsService,
    { provide: SecretBox, inject: [AppConfig], useFactory: (config: AppConfig) => new SecretBox(config.dataEncryptionKey) },
  ],
  exports: [OutboxRepository, VisitMessagingRepository, MessageScheduler, OutboxSignal, PracticeFactsService, SecretBox],
})
export class OutboxModule {}
