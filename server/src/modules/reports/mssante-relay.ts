import { createTransport, type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { SmtpSettings } from '../../config/app-config';

/** One report by MSSanté: an e-mail to the recipient's MSSanté mailbox with the IHE XDM zip attached. */
export interface MssanteMessage {
  /** RFC 5322 Message-ID (`<delivery id.attempt@host>`). */
  messageId: string;
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  /** IHE XDM zip. */
  xdm: { filename: string; content: Buffer };
}

export type MssanteResult = { ok: true; response: string | null } | { ok: false; reason: string };

/** Where MSSanté messages leave from: the practice's accredited operator's SMTP relay. */
export abstract class MssanteRelay {
  abstract readonly configured: boolean;
  abstract send(message: MssanteMessage): Promise<MssanteResult>;
  close(): void {}
}

export class NotConfiguredMssanteRelay extends MssanteRelay {
  readonly configured = false;
  send(): Promise<MssanteResult> {
    return Promise.resolve({ ok: false, reason: 'no MSSanté relay is configured (MSSANTE_SMTP_URL)' });
  }
}

/** Through the configured SMTP relay (nodemailer); the relay's answer is recorded as it was. */
export class SmtpMssanteRelay extends MssanteRelay {
  readonly configured = true;
  private readonly transporter: Transporter;

  constructor(settings: SmtpSettings, timeoutMs = 30_000) {
    super();
    const timeouts = { connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs };
    this.transporter =
      'url' in settings
        ? createTransport({ url: settings.url, ...timeouts } as SMTPTransport.Options)
        : createTransport({
            host: settings.host,
            port: settings.port,
            secure: settings.secure,
            ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
            ...timeouts,
          });
  }

  async send(m: MssanteMessage): Promise<MssanteResult> {
    try {
      const info = await this.transporter.sendMail({
        messageId: m.messageId,
        from: m.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        headers: { 'Auto-Submitted': 'auto-generated' },
        attachments: [{ filename: m.xdm.filename, content: m.xdm.content, contentType: 'application/zip' }],
      });
      return { ok: true, response: typeof info.response === 'string' ? info.response.slice(0, 200) : null };
    } catch (error) {
      const e = error as { code?: string; response?: string; message?: string };
      return { ok: false, reason: ([e.code, e.response ?? e.message].filter(Boolean).join(': ') || 'MSSanté relay error').slice(0, 500) };
    }
  }

  override close(): void {
    this.transporter.close();
  }
}
