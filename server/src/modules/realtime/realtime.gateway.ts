import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayDisconnect, OnGatewayInit, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import {
  Ack,
  HandshakeRefusal,
  parseMessage,
  PROTOCOL_VERSION,
  PROTOCOL_VERSION_MISMATCH,
  REALTIME_NAMESPACE,
  realtimeHandshakeSchema,
  realtimeRequestSchemas,
  VisitView,
  versionMismatchMessage,
  WaitingStatus,
} from '@visite/contracts';
import type { Namespace, Socket } from 'socket.io';
import type { z } from 'zod';
import { toAck } from '../../common/errors/to-ack';
import { toErrorResponse } from '../../common/errors/error-mapping';
import { socketLanguage } from '../../common/i18n/request-language';
import { InputException } from '../../common/errors/input.exception';
import { AuthService } from '../auth/auth.service';
import { AuthException, AuthExceptionCode } from '../auth/auth.exception';
import { readCookie, SESSION_COOKIE } from '../auth/session-cookie';
import { JoinService } from '../join/join.service';
import { AccessService } from '../practice/access.service';
import { QueueService } from '../visits/queue.service';
import { VisitException, VisitExceptionCode } from '../visits/visit.exception';
import { isClosed, VisitsService } from '../visits/visits.service';
import { hashToken } from '../../common/crypto/random-token';
import { CredentialRecheckService } from './credential-recheck.service';
import { RateLimiter } from '../rate-limit/rate-limiter.service';
import { SocketEventBucket } from '../rate-limit/socket-rate-limit';
import { originAllowed } from '../../common/http/security-headers';
import { AppConfig } from '../../config/app-config';
import { PresenceService } from './presence.service';
import { doctorRoom, RealtimePublisher, sessionRoom, userRoom, visitRoom } from './realtime.publisher';
import type { SocketIdentity } from './socket-identity';

type RealtimeSocket = Socket & { data: { identity: SocketIdentity; inFlight?: Promise<unknown> } };

function refuse(code: string, message: string): Error {
  const error = new Error(message) as Error & { data: HandshakeRefusal };
  error.data = { code, message, protocolVersion: PROTOCOL_VERSION };
  return error;
}

/**
 * The realtime channel of the waiting room and the doctor's queue. The handshake authenticates the
 * socket (session cookie for staff, join token for a patient) and checks the protocol version.
 */
@WebSocketGateway({ namespace: REALTIME_NAMESPACE })
export class RealtimeGateway implements OnGatewayInit, OnGatewayDisconnect {
  private readonly logger = new Logger(RealtimeGateway.name);

  constructor(
    private readonly auth: AuthService,
    private readonly join: JoinService,
    private readonly visits: VisitsService,
    private readonly queue: QueueService,
    private readonly presence: PresenceService,
    private readonly publisher: RealtimePublisher,
    private readonly access: AccessService,
    private readonly recheck: CredentialRecheckService,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  /**
   * Runs one event of a connection after its previous event finished, so one connection never holds
   * more than one database connection and a flooding client never delays the others (the bucket of
   * `limitEvents` already refused what is over the limit).
   */
  private limited<T>(socket: RealtimeSocket, work: () => Promise<T>): Promise<T> {
    // A connection closed meanwhile (a flood cut, a revocation) gets none of its queued work done.
    const next = (socket.data.inFlight ?? Promise.resolve()).then(() => {
      if (socket.disconnected) throw new AuthException(AuthExceptionCode.NOT_AUTHENTICATED);
      return work();
    });
    socket.data.inFlight = next.catch(() => undefined);
    return next;
  }

  afterInit(namespace: Namespace): void {
    this.publisher.attach(namespace);
    this.recheck.start(namespace);
    namespace.on('connection', (socket: Socket) => this.limitEvents(socket as RealtimeSocket));
    // A page of another site may not open the channel with the staff's cookie (cross-site WebSocket).
    namespace.use((socket, next) => {
      if (originAllowed(socket.handshake.headers.origin, this.config.allowedOrigins)) return next();
      next(refuse('ORIGIN_NOT_ALLOWED', `pages of ${String(socket.handshake.headers.origin).slice(0, 200)} may not open this channel`));
    });
    namespace.use((socket, next) => {
      this.identify(socket as RealtimeSocket).then(
        () => next(),
        (error: unknown) => {
          if (error instanceof Error && 'data' in error) return next(error);
          const { code, message } = toErrorResponse(error, socketLanguage(socket.handshake)).body;
          next(refuse(code, message));
        },
      );
    });
  }

  /**
   * Per-connection event limit (docs/security.md "Rate limits"): every incoming event takes a token of
   * the connection's bucket before it reaches a handler; one over the limit is answered at once with
   * RATE_LIMITED (its acknowledgement, or an `error` event when it has none), with no other work. A
   * connection that keeps sending past as many refusals again as its burst is a flood: it gets an
   * `error` event with RATE_LIMITED and is disconnected, so the rest of its flood costs nothing.
   */
  private limitEvents(socket: RealtimeSocket): void {
    const { socketBurst, socketPerSecond } = this.config.rateLimits;
    const bucket = new SocketEventBucket(socketBurst, socketPerSecond);
    let refusedInARow = 0;
    socket.use((packet, next) => {
      try {
        bucket.take();
        refusedInARow = 0;
        next();
      } catch (error) {
        if (!socket.connected) return;
        const body = toErrorResponse(error, socketLanguage(socket.handshake)).body;
        const ack = packet[packet.length - 1];
        if (typeof ack === 'function') (ack as (a: Ack<never>) => void)({ ok: false, error: body });
        if (++refusedInARow > socketBurst) {
          socket.emit('error', body);
          socket.disconnect(true);
        } else if (typeof ack !== 'function') socket.emit('error', body);
      }
    });
  }

  async handleDisconnect(socket: RealtimeSocket): Promise<void> {
    const identity = socket.data.identity;
    if (identity?.kind !== 'patient') return;
    await this.presence.remove(identity.visitId, socket.id).catch(() => undefined);
    await this.queue.publish(identity.doctorId);
  }

  @SubscribeMessage('waiting.join')
  waitingJoin(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown): Promise<Ack<WaitingStatus>> {
    return toAck(
      () =>
        this.limited(socket, async () => {
          validated('waiting.join', payload);
          const identity = socket.data.identity;
          if (identity.kind !== 'patient') throw new AuthException(AuthExceptionCode.FORBIDDEN_ROLE);
          return this.join.enterWaitingRoom(identity.joinToken);
        }),
      socketLanguage(socket.handshake),
    );
  }

  /** A doctor's queue (an assistant names one of the doctors they assist); the access helper decides. */
  @SubscribeMessage('queue.subscribe')
  queueSubscribe(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() payload: unknown): Promise<Ack<{ visits: VisitView[] }>> {
    return toAck(() => this.limited(socket, async () => {
      const request = validated('queue.subscribe', payload);
      const identity = socket.data.identity;
      if (identity.kind !== 'staff') throw new AuthException(AuthExceptionCode.FORBIDDEN_ROLE);
      const doctorId = await this.access.queueDoctorId(identity.actor, request?.doctorId);
      // One queue at a time per socket: switching doctors leaves the previous doctor's room.
      for (const room of socket.rooms) if (room.startsWith('doctor:') && room !== doctorRoom(doctorId)) await socket.leave(room);
      await socket.join(doctorRoom(doctorId));
      return this.visits.today(identity.actor, doctorId);
    }), socketLanguage(socket.handshake));
  }

  private async identify(socket: RealtimeSocket): Promise<void> {
    const handshake = realtimeHandshakeSchema.safeParse(socket.handshake.auth ?? {});
    if (!handshake.success || handshake.data.protocolVersion !== PROTOCOL_VERSION) {
      throw refuse(PROTOCOL_VERSION_MISMATCH, versionMismatchMessage((socket.handshake.auth as { protocolVersion?: unknown })?.protocolVersion));
    }
    const { joinToken } = handshake.data;
    if (joinToken) {
      await this.limiter.consume('join-handshake', joinToken);
      const visit = await this.join.resolve(joinToken);
      // An ended or cancelled visit's link still shows the visit, but opens no realtime channel.
      if (isClosed(visit.status)) throw new VisitException(VisitExceptionCode.VISIT_CLOSED);
      socket.data.identity = { kind: 'patient', visitId: visit.id, doctorId: visit.doctorId, joinToken, tokenHash: hashToken(joinToken) };
      // A reissued link, or the visit's end, disconnects this room at once, on every node.
      await socket.join(visitRoom(visit.id));
      await this.presence.add(visit.id, socket.id);
      void this.queue.publish(visit.doctorId);
      return;
    }
    const { user, sessionId } = await this.auth.authenticateSession(readCookie(socket.handshake.headers.cookie, SESSION_COOKIE));
    socket.data.identity = { kind: 'staff', actor: await this.access.actorOf(user), sessionId };
    // Signing out disconnects the session's room, disabling the account or changing its password the
    // user's, at once, on every node.
    await socket.join([userRoom(user.id), sessionRoom(sessionId)]);
    this.logger.debug(`staff ${user.id} connected`);
  }
}

/** The payload of a realtime request, validated against its schema in the contracts. */
function validated<N extends keyof typeof realtimeRequestSchemas>(name: N, payload: unknown): z.output<(typeof realtimeRequestSchemas)[N]> {
  const parsed = parseMessage(realtimeRequestSchemas[name], payload);
  if (!parsed.ok) throw new InputException(parsed.code, parsed.message, parsed.issues);
  return parsed.data as z.output<(typeof realtimeRequestSchemas)[N]>;
}
