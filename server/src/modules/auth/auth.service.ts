import { Injectable } from '@nestjs/common';
import type { CurrentUser, UserRole } from '@visite/contracts';
import { AppConfig } from '../../config/app-config';
import { hashToken, randomToken } from '../../common/crypto/random-token';
import { Db } from '../../database/db';
import { AuditService } from '../audit/audit.service';
import { PracticesService } from '../practice/practices.service';
import { RealtimePublisher } from '../realtime/realtime.publisher';
import { AuthException, AuthExceptionCode } from './auth.exception';
import { hashPassword, verifyPassword } from './password';
import { SessionsRepository } from './sessions.repository';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

/** A hash to compare against when the e-mail is unknown, so both paths take argon2's time. */
let decoyHash: Promise<string> | null = null;

@Injectable()
export class AuthService {
  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditService,
    private readonly practices: PracticesService,
    private readonly db: Db,
    private readonly publisher: RealtimePublisher,
  ) {}

  async login(email: string, password: string): Promise<{ user: CurrentUser; token: string; expiresAt: Date }> {
    const user = await this.users.findByEmail(email);
    decoyHash ??= hashPassword('decoy-password-for-timing');
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
    if (!user || !ok || user.disabledAt) {
      await this.audit.recordAccess({ actorType: 'system', actorId: null, practiceId: user?.practiceId ?? null, action: 'auth.login_failed', detail: { email: email.toLowerCase(), ...(user?.disabledAt && ok ? { disabled: true } : {}) } });
      throw new AuthException(AuthExceptionCode.INVALID_CREDENTIALS);
    }
    const token = randomToken();
    const expiresAt = new Date(Date.now() + this.config.sessionTtlMs);
    await this.db.transaction(async () => {
      await this.sessions.create(user.id, hashToken(token), expiresAt);
      await this.audit.record({ actorType: 'user', actorId: user.id, practiceId: user.practiceId, action: 'auth.login' });
    });
    return { user: await this.currentUser(user), token, expiresAt };
  }

  /** The user behind a session token, or NOT_AUTHENTICATED. */
  async authenticate(token: string | undefined): Promise<UserEntity> {
    return (await this.authenticateSession(token)).user;
  }

  /** The session of a token (the realtime channel keeps its id to end its sockets with it). */
  async authenticateSession(token: string | undefined): Promise<{ user: UserEntity; sessionId: string; expiresAt: Date }> {
    if (!token || token.length > 200) throw new AuthException(AuthExceptionCode.NOT_AUTHENTICATED);
    const session = await this.sessions.findValid(hashToken(token), new Date());
    if (!session || session.user.disabledAt) throw new AuthException(AuthExceptionCode.NOT_AUTHENTICATED);
    return { user: session.user, sessionId: session.id, expiresAt: session.expiresAt };
  }

  /** Signing out ends this session and, at once on every node, the realtime sockets opened with it. */
  async logout(token: string | undefined): Promise<void> {
    if (!token || token.length > 200) return;
    const sessionId = await this.sessions.delete(hashToken(token));
    if (sessionId) this.publisher.disconnectSession(sessionId);
  }

  /**
   * Ends every session of an account and its realtime sockets on every node: an account disabled, a
   * password changed or reset. Call it after the transaction that made the change has committed.
   */
  async endAllSessions(userId: string): Promise<void> {
    await this.sessions.deleteForUser(userId);
    this.publisher.disconnectUser(userId);
  }

  requireRole(user: UserEntity, roles: readonly UserRole[]): void {
    if (!roles.includes(user.role)) throw new AuthException(AuthExceptionCode.FORBIDDEN_ROLE);
  }

  /** What the web knows of the signed-in user: who, which practice, and for an assistant whose queues. */
  async currentUser(user: UserEntity): Promise<CurrentUser> {
    const practice = await this.practices.view(user.practiceId);
    const assists = user.role === 'assistant' ? await this.users.assistedDoctors(user.id) : [];
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      practice: { id: practice.id, name: practice.name },
      assists: assists.map((d) => ({ id: d.id, displayName: d.displayName })),
    };
  }

  async createUser(input: { practiceId: string; email: string; password: string; displayName: string; role: UserRole }): Promise<UserEntity> {
    return this.users.create({ practiceId: input.practiceId, email: input.email, passwordHash: await hashPassword(input.password), displayName: input.displayName, role: input.role });
  }
}
