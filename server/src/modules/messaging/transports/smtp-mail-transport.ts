import { createTransport, type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { SmtpSettings } from '../../../config/app-config';
import { type DeliveryResult, MailTransport, type OutgoingEmail } from './delivery';

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/**
 * E-mail through the configured mail server (nodemailer). The mail server's 5xx answers are refusals
 * for good (unknown mailbox...); everything else (4xx, no connection, time-out, authentication) is
 * tried again later.
 */
export class SmtpMailTransport extends MailTransport {
  private readonly transporters = new Map<number, Transporter>();

  constructor(private readonly settings: SmtpSettings) {
    super();
  }

  async send(email: OutgoingEmail, timeoutMs: number): Promise<DeliveryResult> {
    try {
      const info = await this.transporter(timeoutMs).sendMail({
        messageId: email.messageId,
        from: { name: email.from.name, address: email.from.address },
        to: email.to,
        subject: email.subject,
        text: email.text,
        headers: { 'X-Visite-Outbox-Id': email.outboxId, 'Auto-Submitted': 'auto-generated' },
        ...(email.ics ? { icalEvent: { method: email.ics.method, filename: email.ics.method === 'CANCEL' ? 'cancel.ics' : 'invite.ics', content: email.ics.content } } : {}),
      });
      return { kind: 'sent', provider: 'smtp', providerMessageId: typeof info.response === 'string' ? info.response.slice(0, 200) : null };
    } catch (error) {
      const e = error as SmtpError;
      const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.code !== 'EAUTH';
      return { kind: 'failed', permanent, reason: [e.code, e.response ?? e.message].filter(Boolean).join(': ') || 'mail server error' };
    }
  }

  override close(): void {
    for (const t of this.transporters.values()) t.close();
    this.transporters.clear();
  }

  private transporter(timeoutMs: number): Transporter {
    let t = this.transporters.get(timeoutMs);
    if (!t) {
      const timeouts = { connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs };
      t =
        'url' in this.settings
          ? createTransport({ url: this.settings.url, ...timeouts } as SMTPTransport.Options)
          : createTransport({
              host: this.settings.host,
              port: this.settings.port,
              secure: this.settings.secure,
              ...(this.settings.user ? { auth: { user: this.settings.user, pass: this.settings.password ?? '' } } : {}),
              ...timeouts,
            });
      this.transporters.set(timeoutMs, t);
    }
    return t;
  }
}
