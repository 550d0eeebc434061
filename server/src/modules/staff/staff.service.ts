import { Injectable } from '@nestjs/common';
import type {
  DoctorSummary, InviteStaffRequest, PasswordLinkView, PasswordTokenInfo, StaffEmailView, StaffMemberView, UpdateStaffRequest, UserRole,
} from '@visite/contracts';
import { MessageScheduler } from '../messaging/message-scheduler.service';
import type { OutboxMessageEntity } from '../messaging/outbox-message.entity';
import { OutboxRepository } from '../messaging/outbox.repository';
import { Db } from '../../database/db';
import { AppConfig } from '../../config/app-config';
import { hashToken, randomToken } from '../../common/crypto/random-token';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { SessionsRepository } from '../auth/sessions.repository';
import type { UserEntity } from '../auth/user.entity';
import { UsersRepository } from '../auth/users.repository';
import { AccessService } from '../practice/access.service';
import type { Actor } from '../practice/actor';
import { RealtimePublisher } from '../realtime/realtime.publisher';
import { isAcceptablePassword } from './password-policy';
import type { PasswordTokenPurpose } from './password-token.entity';
import { PasswordTokensRepository } from './password-tokens.repository';
import { StaffException, StaffExceptionCode } from './staff.exception';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;
const UNIQUE_VIOLATION = '23505';

type InviteInput = Required<Pick<InviteStaffRequest, 'email' | 'displayName' | 'role'>> & { assists: string[] };
type UpdateInput = Required<Pick<UpdateStaffRequest, 'displayName' | 'role'>> & { assists: string[] };

/**
 * Staff accounts of a practice, managed by its admins: invite (a set-password link), change role and
 * doctors assisted, disable (sessions and sockets end at once), enable, reset (a new link). The person
 * sets their password on the public set-password page; the link works once and expires.
 */
@Injectable()
export class StaffService {
  constructor(
    private readonly config: AppConfig,
    private readonly db: Db,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly tokens: PasswordTokensRepository,
    private readonly access: AccessService,
    private readonly publisher: RealtimePublisher,
    private readonly audit: AuditService,
    private readonly messages: MessageScheduler,
    private readonly outbox: OutboxRepository,
  ) {}

  async list(actor: Actor): Promise<StaffMemberView[]> {
    this.access.requireRole(actor, ['admin']);
    const staff = await this.users.inPractice(actor.practiceId);
    const assists = await this.users.assistsOf(staff.filter((u) => u.role === 'assistant').map((u) => u.id));
    const emails = await this.outbox.latestStaffEmails(actor.practiceId, staff.map((u) => u.id));
    return staff.map((u) => toMemberView(u, assists.get(u.id) ?? [], emails.get(u.id) ?? null));
  }

  /** The practice's doctors (for the assistant's doctor selector, the invite form, billing filters). */
  async doctors(actor: Actor): Promise<DoctorSummary[]> {
    return (await this.users.doctorsOf(actor.practiceId)).filter((d) => !d.disabledAt).map((d) => ({ id: d.id, displayName: d.displayName }));
  }

  async invite(actor: Actor, input: InviteInput): Promise<PasswordLinkView> {
    this.access.requireRole(actor, ['admin']);
    const assists = await this.checkAssists(actor, input.role, input.assists);
    if (await this.users.findByEmail(input.email)) throw new StaffException(StaffExceptionCode.EMAIL_TAKEN);
    const token = randomToken();
    const expiresAt = new Date(Date.now() + this.config.passwordLinkTtlMs);
    let userId: string;
    try {
      userId = await this.db.transaction(async () => {
        const user = await this.users.create({ practiceId: actor.practiceId, email: input.email, passwordHash: null, displayName: input.displayName, role: input.role });
        await this.users.setAssists(user.id, assists);
        await this.tokens.issue(user.id, hashToken(token), 'invite', expiresAt);
        await this.messages.passwordLinkIssued({ practiceId: actor.practiceId, userId: user.id, token, kind: 'staff_invitation', requestedBy: actor.userId });
        await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'staff.invited', detail: { userId: user.id, role: input.role, assists } });
        return user.id;
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new StaffException(StaffExceptionCode.EMAIL_TAKEN);
      throw error;
    }
    // The e-mail with the link leaves through the outbox (kept there, readable by no one but the person, when
    // no mail server is configured): the admin also gets the link, to hand over another way.
    this.messages.wake();
    return this.linkView(actor, userId, token, expiresAt);
  }

  async update(actor: Actor, userId: string, input: UpdateInput): Promise<StaffMemberView> {
    const user = await this.access.staff(actor, userId);
    const assists = await this.checkAssists(actor, input.role, input.assists);
    if (user.role === 'admin' && input.role !== 'admin') await this.keepAnAdmin(actor, user);
    await this.db.transaction(async () => {
      await this.users.update(user.id, { displayName: input.displayName, role: input.role });
      await this.users.setAssists(user.id, assists);
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'staff.updated', detail: { userId, from: user.role, to: input.role, assists } });
    });
    // Open sockets were authorised for the old role: they reconnect and are authorised again.
    if (user.role !== input.role || user.role === 'assistant') this.publisher.disconnectUser(user.id);
    return this.member(actor, user.id);
  }

  /** Disabled at once: sessions deleted and realtime sockets disconnected on every node. */
  async disable(actor: Actor, userId: string): Promise<StaffMemberView> {
    const user = await this.access.staff(actor, userId);
    if (user.id === actor.userId) throw new StaffException(StaffExceptionCode.CANNOT_DISABLE_SELF);
    if (user.role === 'admin') await this.keepAnAdmin(actor, user);
    if (!user.disabledAt) {
      await this.db.transaction(async () => {
        await this.users.update(user.id, { disabledAt: new Date() });
        await this.tokens.revokeForUser(user.id);
        await this.messages.staffDisabled(user.id);
        await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'staff.disabled', detail: { userId } });
      });
      await this.sessions.deleteForUser(user.id);
      this.publisher.disconnectUser(user.id);
    }
    return this.member(actor, user.id);
  }

  async enable(actor: Actor, userId: string): Promise<StaffMemberView> {
    const user = await this.access.staff(actor, userId);
    if (user.disabledAt) {
      await this.db.transaction(async () => {
        await this.users.update(user.id, { disabledAt: null });
        await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'staff.enabled', detail: { userId } });
      });
    }
    return this.member(actor, user.id);
  }

  /** A new set-password link (earlier links stop working); the current password works until it is used. */
  async reset(actor: Actor, userId: string): Promise<PasswordLinkView> {
    const user = await this.access.staff(actor, userId);
    if (user.disabledAt) throw new StaffException(StaffExceptionCode.ACCOUNT_DISABLED);
    const token = randomToken();
    const expiresAt = new Date(Date.now() + this.config.passwordLinkTtlMs);
    const purpose: PasswordTokenPurpose = user.passwordHash ? 'reset' : 'invite';
    await this.db.transaction(async () => {
      await this.tokens.issue(user.id, hashToken(token), purpose, expiresAt);
      await this.messages.passwordLinkIssued({ practiceId: actor.practiceId, userId: user.id, token, kind: purpose === 'invite' ? 'staff_invitation' : 'password_reset', requestedBy: actor.userId });
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'staff.password_link_issued', detail: { userId, purpose } });
    });
    this.messages.wake();
    return this.linkView(actor, user.id, token, expiresAt);
  }

  // ---- the public set-password page ----

  async tokenInfo(token: string): Promise<PasswordTokenInfo> {
    const found = await this.usableToken(token);
    return { email: found.user.email, displayName: found.user.displayName, purpose: found.purpose, practiceName: found.user.practice.name };
  }

  async setPassword(token: string, password: string): Promise<void> {
    const found = await this.usableToken(token);
    if (!isAcceptablePassword(password)) throw new StaffException(StaffExceptionCode.PASSWORD_TOO_COMMON);
    const passwordHash = await hashPassword(password);
    await this.db.transaction(async () => {
      if (!(await this.tokens.consume(found.id))) throw new StaffException(StaffExceptionCode.PASSWORD_LINK_USED);
      await this.users.update(found.userId, { passwordHash });
      await this.audit.record({ actorType: 'user', actorId: found.userId, practiceId: found.user.practiceId, action: 'auth.password_set', detail: { purpose: found.purpose } });
    });
    // A new password ends the sessions opened with the old one.
    await this.sessions.deleteForUser(found.userId);
  }

  private async usableToken(token: string) {
    if (!TOKEN_SHAPE.test(token)) throw new StaffException(StaffExceptionCode.PASSWORD_LINK_INVALID);
    const found = await this.tokens.findByHash(hashToken(token));
    if (!found) throw new StaffException(StaffExceptionCode.PASSWORD_LINK_INVALID);
    if (found.usedAt) throw new StaffException(StaffExceptionCode.PASSWORD_LINK_USED);
    if (found.expiresAt.getTime() <= Date.now()) throw new StaffException(StaffExceptionCode.PASSWORD_LINK_EXPIRED);
    if (found.user.disabledAt) throw new StaffException(StaffExceptionCode.PASSWORD_LINK_INVALID);
    return found;
  }

  private async checkAssists(actor: Actor, role: UserRole, assists: readonly string[]): Promise<string[]> {
    const unique = [...new Set(assists)];
    if (role !== 'assistant') {
      if (unique.length) throw new StaffException(StaffExceptionCode.ASSISTS_ONLY_FOR_ASSISTANTS);
      return [];
    }
    const doctors = new Set((await this.users.doctorsOf(actor.practiceId)).map((d) => d.id));
    if (unique.some((id) => !doctors.has(id))) throw new StaffException(StaffExceptionCode.ASSISTED_NOT_A_DOCTOR);
    return unique;
  }

  private async keepAnAdmin(actor: Actor, leaving: UserEntity): Promise<void> {
    const admins = (await this.users.inPractice(actor.practiceId)).filter((u) => u.role === 'admin' && !u.disabledAt && u.id !== leaving.id);
    if (admins.length === 0) throw new StaffException(StaffExceptionCode.LAST_ADMIN);
  }

  private async member(actor: Actor, userId: string): Promise<StaffMemberView> {
    const user = await this.access.staff(actor, userId);
    const email = (await this.outbox.latestStaffEmails(actor.practiceId, [user.id])).get(user.id) ?? null;
    return toMemberView(user, user.role === 'assistant' ? await this.users.assistedDoctors(user.id) : [], email);
  }

  private async linkView(actor: Actor, userId: string, token: string, expiresAt: Date): Promise<PasswordLinkView> {
    return { member: await this.member(actor, userId), setPasswordUrl: `${this.config.publicUrl}/set-password/${token}`, expiresAt: expiresAt.toISOString() };
  }
}

function toMemberView(user: UserEntity, assists: UserEntity[], email: OutboxMessageEntity | null): StaffMemberView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    status: user.disabledAt ? 'disabled' : user.passwordHash ? 'active' : 'invited',
    assists: assists.map((d) => ({ id: d.id, displayName: d.displayName })),
    createdAt: user.createdAt.toISOString(),
    passwordEmail: email ? toEmailView(email) : null,
  };
}

function toEmailView(m: OutboxMessageEntity): StaffEmailView {
  return { kind: m.kind as StaffEmailView['kind'], state: m.state, outcome: m.outcome, error: m.lastError, createdAt: m.createdAt.toISOString(), sentAt: m.sentAt?.toISOString() ?? null };
}
