import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { OutboxDispatcher } from './outbox-dispatcher.service';
import { OutboxRepository } from './outbox.repository';
import { OutboxSignal } from './outbox-signal';
import { MailTransport } from './transports/delivery';

/** Rows one poll takes at most, and how many of them are handed to transports at once. */
const BATCH = 10;
const PARALLEL = 4;

/**
 * The outbox poller of this node. Every API node runs one (OUTBOX_WORKER): each poll claims due rows
 * with `FOR UPDATE SKIP LOCKED` and a lease, so nodes never take the same row, and a row left `sending`
 * by a node that died is taken again once its lease has run out (docs/messaging.md).
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  readonly nodeId = `${hostname()}:${process.pid}`.slice(0, 100);
  private running: Promise<void> | null = null;
  private stopping = false;
  private wakeUp: (() => void) | null = null;
  private woken = false;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly outbox: OutboxRepository,
    private readonly dispatcher: OutboxDispatcher,
    private readonly signal: OutboxSignal,
    private readonly mail: MailTransport,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.outbox.worker) return;
    this.unsubscribe = this.signal.subscribe(() => this.wake());
    this.running = this.run();
  }

  /** Stops polling and waits for the sends under way, before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
    this.wake();
    await this.running;
    this.mail.close();
  }

  /** One poll: claims what is due and delivers it. Returns how many rows it took. */
  async pollOnce(): Promise<number> {
    const rows = await this.outbox.claimDue(randomUUID(), this.nodeId, this.config.outbox.leaseSeconds, BATCH);
    let next = 0;
    const lane = async () => {
      while (next < rows.length) {
        const row = rows[next++];
        await this.dispatcher.deliver(row).catch((error: unknown) => this.logger.error(`message ${row.id}: ${(error as Error).message}`));
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, rows.length) }, lane));
    return rows.length;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let claimed = 0;
      try {
        claimed = await this.pollOnce();
      } catch (error) {
        if (!this.stopping) this.logger.error(`poll failed: ${(error as Error).message}`);
      }
      if (claimed < BATCH && !this.stopping) await this.pause(this.config.outbox.pollIntervalMs);
    }
  }

  private wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private pause(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}
