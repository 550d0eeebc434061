import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** An e-mail the sink accepted (answered 250 to), parsed by mailparser. */
export interface ReceivedMail {
  parsed: ParsedMail;
  raw: string;
  envelopeTo: string[];
  outboxId: string | null;
  /** The text/calendar part (nodemailer's icalEvent), if any. */
  calendar: { method: string | null; content: string } | null;
}

type Hold = (mail: ParsedMail) => boolean;

/**
 * A real SMTP server on a free port of this machine (the `smtp-server` package). It accepts every
 * message, unless told to refuse some (`refuseNext`) or to hold some without answering (`holdWhen`):
 * a held message is never accepted, and the server records it as held, so a test can kill the sender
 * in the middle of a send.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  readonly held: ParsedMail[] = [];
  private server!: SMTPServer;
  private refusals: { code: number; message: string }[] = [];
  private hold: Hold | null = null;
  private waiters: (() => void)[] = [];
  port = 0;

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    sink.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => void sink.onData(stream, session, callback),
    });
    await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
    sink.port = (sink.server.server.address() as AddressInfo).port;
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The next messages get these SMTP answers (e.g. 550 mailbox unknown, 451 try later). */
  refuseNext(code: number, message: string, times = 1): void {
    for (let i = 0; i < times; i++) this.refusals.push({ code, message });
  }

  /** Messages matching `hold` are read but never answered (until `release`). */
  holdWhen(hold: Hold | null): void {
    this.hold = hold;
  }

  /** Resolves once `predicate` holds over what was received or held. */
  async waitFor(predicate: (sink: SmtpSink) => boolean, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this)) {
      if (Date.now() > deadline) throw new Error(`SMTP sink: condition not met within ${timeoutMs} ms (received ${this.received.length}: ${this.received.map((m) => m.parsed.subject).join(' | ')})`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 100);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  withOutboxId(id: string): ReceivedMail[] {
    return this.received.filter((m) => m.outboxId === id);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const parsed = await simpleParser(raw);
    if (this.hold?.(parsed)) {
      this.held.push(parsed);
      this.notify();
      return; // never answered: the sender is left waiting for the 250
    }
    const refusal = this.refusals.shift();
    if (refusal) {
      const error = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
      callback(error);
      return;
    }
    const outboxHeader = parsed.headers.get('x-visite-outbox-id');
    this.received.push({
      parsed,
      raw,
      envelopeTo: session.envelope.rcptTo.map((r) => r.address),
      outboxId: typeof outboxHeader === 'string' ? outboxHeader : null,
      calendar: calendarPart(raw, parsed),
    });
    callback();
    this.notify();
  }

  private notify(): void {
    this.waiters.splice(0).forEach((w) => w());
  }
}

/** The text/calendar part with its METHOD parameter, found by mailparser among the attachments. */
function calendarPart(raw: string, parsed: ParsedMail): ReceivedMail['calendar'] {
  const part = parsed.attachments.find((a) => a.contentType === 'text/calendar');
  if (!part) return null;
  const method = /text\/calendar;[^\r\n]*method=("?)([A-Z]+)\1/i.exec(raw)?.[2] ?? null;
  return { method, content: part.content.toString('utf8') };
}
