import { Logger } from '@nestjs/common';
import { maskPhone } from '../mask';
import { type DeliveryResult, type OutgoingSms, SmsProvider } from './delivery';

/**
 * The default SMS provider: a line in the server log (the number masked, never the text, which holds
 * the join link) and the message kept in the outbox.
 */
export class LogSmsProvider extends SmsProvider {
  private readonly logger = new Logger('SMS');

  send(sms: OutgoingSms): Promise<DeliveryResult> {
    this.logger.log(`SMS ${sms.outboxId} to ${maskPhone(sms.to)} kept in the outbox (SMS_PROVIDER=log), ${sms.text.length} characters`);
    return Promise.resolve({ kind: 'kept', provider: 'log', outcome: 'sms_log_provider' });
  }
}
