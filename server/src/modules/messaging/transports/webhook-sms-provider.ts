import { type DeliveryResult, type OutgoingSms, SmsProvider } from './delivery';

/** What the webhook receives (docs/messaging.md). */
export interface SmsWebhookBody {
  id: string;
  to: string;
  text: string;
  sender: string | null;
}

export const SMS_WEBHOOK_SECRET_HEADER = 'x-visite-webhook-secret';

/**
 * SMS through an HTTP gateway: POST JSON to SMS_WEBHOOK_URL with the shared secret in a header and the
 * outbox row's id as `Idempotency-Key` (the same on every attempt, so a gateway that honours it sends
 * a retried SMS once). 2xx: sent; 408, 425, 429 and 5xx or no answer: tried again; other 4xx: refused.
 */
export class WebhookSmsProvider extends SmsProvider {
  constructor(private readonly settings: { url: string; secret: string }) {
    super();
  }

  async send(sms: OutgoingSms, timeoutMs: number): Promise<DeliveryResult> {
    const body: SmsWebhookBody = { id: sms.outboxId, to: sms.to, text: sms.text, sender: sms.sender };
    let res: Response;
    try {
      res = await fetch(this.settings.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [SMS_WEBHOOK_SECRET_HEADER]: this.settings.secret, 'Idempotency-Key': sms.outboxId },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      return { kind: 'failed', permanent: false, reason: `SMS gateway unreachable: ${(error as Error).message}` };
    }
    const text = await res.text().catch(() => '');
    if (res.ok) return { kind: 'sent', provider: 'webhook', providerMessageId: providerId(text) };
    const temporary = res.status === 408 || res.status === 425 || res.status === 429 || res.status >= 500;
    return { kind: 'failed', permanent: !temporary, reason: `SMS gateway answered ${res.status}${text ? `: ${text.slice(0, 300)}` : ''}` };
  }
}

/** The gateway's id for the message, if its JSON answer has one (`id` or `messageId`). */
function providerId(text: string): string | null {
  try {
    const parsed = JSON.parse(text) as { id?: unknown; messageId?: unknown };
    const id = parsed.id ?? parsed.messageId;
    return typeof id === 'string' || typeof id === 'number' ? String(id).slice(0, 200) : null;
  } catch {
    return null;
  }
}
