import { type DeliveryResult, MailTransport } from './delivery';

/** No mail server configured: every e-mail is rendered and kept in the outbox, readable by staff. */
export class OutboxOnlyMailTransport extends MailTransport {
  send(): Promise<DeliveryResult> {
    return Promise.resolve({ kind: 'kept', provider: 'outbox', outcome: 'no_mail_server' });
  }
}
