import { Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { VisitsModule } from '../visits/visits.module';
import { MessagingController } from './messaging.controller';
import { MessagingService } from './messaging.service';
import { OutboxDispatcher } from './outbox-dispatcher.service';
import { OutboxModule } from './outbox.module';
import { OutboxWorker } from './outbox-worker.service';
import { StaffRecipientsRepository } from './staff-recipients.repository';
import { MailTransport, SmsProvider } from './transports/delivery';
import { LogSmsProvider } from './transports/log-sms-provider';
import { OutboxOnlyMailTransport } from './transports/outbox-only-mail-transport';
import { SmtpMailTransport } from './transports/smtp-mail-transport';
import { WebhookSmsProvider } from './transports/webhook-sms-provider';

/** Sending: the poller, the transports chosen by the configuration, and the staff routes. */
@Module({
  imports: [OutboxModule, VisitsModule],
  controllers: [MessagingController],
  providers: [
    MessagingService,
    OutboxDispatcher,
    OutboxWorker,
    StaffRecipientsRepository,
    { provide: MailTransport, inject: [AppConfig], useFactory: (c: AppConfig) => (c.mail.smtp ? new SmtpMailTransport(c.mail.smtp) : new OutboxOnlyMailTransport()) },
    { provide: SmsProvider, inject: [AppConfig], useFactory: (c: AppConfig) => (c.sms.provider === 'webhook' ? new WebhookSmsProvider(c.sms) : new LogSmsProvider()) },
  ],
  exports: [OutboxWorker],
})
export class MessagingModule {}
