import type { MessageOutcome } from '@visite/contracts';

/** What a transport did with a message. */
export type DeliveryResult =
  /** The provider accepted it (a mail server answered 250, the SMS gateway 2xx). */
  | { kind: 'sent'; provider: string; providerMessageId: string | null }
  /** No real transport: the message stays readable in the outbox. */
  | { kind: 'kept'; provider: string; outcome: Extract<MessageOutcome, 'no_mail_server' | 'sms_log_provider'> }
  /** Refused: for good (`permanent`), or for now (tried again later). `reason` is the provider's words. */
  | { kind: 'failed'; permanent: boolean; reason: string };

export interface OutgoingEmail {
  /** RFC 5322 Message-ID, the same on every attempt of one outbox row (`<id@host>`). */
  messageId: string;
  outboxId: string;
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  ics: { method: 'REQUEST' | 'CANCEL'; content: string } | null;
}

export interface OutgoingSms {
  /** The outbox row's id: the gateway's idempotency key. */
  outboxId: string;
  to: string;
  text: string;
  sender: string | null;
}

export abstract class MailTransport {
  abstract send(email: OutgoingEmail, timeoutMs: number): Promise<DeliveryResult>;
  close(): void {}
}

export abstract class SmsProvider {
  abstract send(sms: OutgoingSms, timeoutMs: number): Promise<DeliveryResult>;
}
