import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { AppConfig } from '../../config/app-config';
import { SessionsRepository } from '../auth/sessions.repository';
import { VisitsRepository } from '../visits/visits.repository';
import type { SocketIdentity } from './socket-identity';

/**
 * The backstop of the immediate disconnects (sign-out, account disabled, password changed, link
 * reissued, visit ended): every REALTIME_RECHECK_SECONDS each node checks, in two queries, that the
 * credential of each socket it holds still works, and closes those whose session expired or was
 * deleted from outside the app (the staff CLI) and those whose link was replaced or whose visit closed.
 */
@Injectable()
export class CredentialRecheckService implements OnModuleDestroy {
  private readonly logger = new Logger(CredentialRecheckService.name);
  private timer: NodeJS.Timeout | null = null;
  private namespace: Namespace | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly sessions: SessionsRepository,
    private readonly visits: VisitsRepository,
  ) {}

  start(namespace: Namespace): void {
    this.namespace = namespace;
    this.timer ??= setInterval(() => void this.recheck().catch((e: unknown) => this.logger.warn(`recheck failed: ${(e as Error).message}`)), this.config.realtimeRecheckMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One pass over this node's sockets; how many were closed. */
  async recheck(): Promise<number> {
    const sockets = [...(this.namespace?.sockets.values() ?? [])];
    const identities = sockets.map((s) => ({ socket: s, identity: (s.data as { identity?: SocketIdentity }).identity }));
    const sessionIds = identities.flatMap(({ identity }) => (identity?.kind === 'staff' ? [identity.sessionId] : []));
    const linkHashes = identities.flatMap(({ identity }) => (identity?.kind === 'patient' ? [identity.tokenHash] : []));
    const now = new Date();
    const [validSessions, openLinks] = await Promise.all([this.sessions.stillValid([...new Set(sessionIds)], now), this.visits.openJoinTokenHashes([...new Set(linkHashes)])]);
    let closed = 0;
    for (const { socket, identity } of identities) {
      if (!identity) continue;
      const valid = identity.kind === 'staff' ? validSessions.has(identity.sessionId) : openLinks.has(identity.tokenHash);
      if (!valid) {
        socket.disconnect(true);
        closed += 1;
      }
    }
    return closed;
  }
}
