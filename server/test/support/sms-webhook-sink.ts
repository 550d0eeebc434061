import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedSms {
  body: { id: string; to: string; text: string; sender: string | null };
  headers: IncomingMessage['headers'];
}

/**
 * A real HTTP server standing in for an SMS gateway: it records each POST (refusing those without the
 * shared secret with 401), answers the next requests with chosen statuses, otherwise 202 with an id.
 */
export class SmsWebhookSink {
  readonly received: ReceivedSms[] = [];
  readonly refusedUnauthenticated: number[] = [];
  private server!: Server;
  private answers: number[] = [];
  port = 0;

  constructor(private readonly secret: string) {}

  static async start(secret: string): Promise<SmsWebhookSink> {
    const sink = new SmsWebhookSink(secret);
    sink.server = createServer((req, res) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString('utf8')));
      req.on('end', () => {
        if (req.method !== 'POST' || req.url !== '/sms') return void res.writeHead(404).end();
        if (req.headers['x-visite-webhook-secret'] !== sink.secret) {
          sink.refusedUnauthenticated.push(Date.now());
          return void res.writeHead(401).end('bad secret');
        }
        const status = sink.answers.shift();
        if (status) return void res.writeHead(status, { 'Content-Type': 'text/plain' }).end(`gateway says ${status} for +33612345678`);
        const body = JSON.parse(data) as ReceivedSms['body'];
        sink.received.push({ body, headers: req.headers });
        res.writeHead(202, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: `gw-${sink.received.length}` }));
      });
    });
    await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
    sink.port = (sink.server.address() as AddressInfo).port;
    return sink;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/sms`;
  }

  /** The next POSTs are answered with these statuses. */
  answerNext(...statuses: number[]): void {
    this.answers.push(...statuses);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
