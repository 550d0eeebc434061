import { Injectable } from '@nestjs/common';

/**
 * Tells this node's poller that a message was just committed, so an invitation leaves at once instead
 * of at the next poll (other nodes find it at their next poll).
 */
@Injectable()
export class OutboxSignal {
  private readonly listeners = new Set<() => void>();

  wake(): void {
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
