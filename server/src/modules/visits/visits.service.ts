import { Injectable } from '@nestjs/common';
import type { CreateVisitRequest, DoctorQueue, MediaAccess, QueueMessageRequest, VisitEndedBy, VisitStatus, VisitView, VisitWithLink } from '@visite/contracts';
import { AppConfig } from '../../config/app-config';
import { hashToken, randomToken } from '../../common/crypto/random-token';
import { Db } from '../../database/db';
import { AuditService } from '../audit/audit.service';
import { byUser, VisitHistory } from '../history/visit-history.service';
import { UsersRepository } from '../auth/users.repository';
import { MediaTokenService } from '../media/media-token.service';
import { ConsentStates } from '../consent/consent-states';
import { MessageScheduler } from '../messaging/message-scheduler.service';
import { SfuControlService } from '../media/sfu-control.service';
import type { patientInputSchema } from '@visite/contracts';
import type { z } from 'zod';
import { PatientVault } from '../patients/patient-vault';
import { PatientsRepository } from '../patients/patients.repository';
import { PatientsService } from '../patients/patients.service';
import { AccessException, AccessExceptionCode } from '../practice/access.exception';
import { AccessService } from '../practice/access.service';
import type { Actor } from '../practice/actor';
import { PresenceService } from '../realtime/presence.service';
import { RealtimePublisher } from '../realtime/realtime.publisher';
import { QueueService } from './queue.service';
import { VisitException, VisitExceptionCode } from './visit.exception';
import type { VisitEntity } from './visit.entity';
import { modalityFromMedia } from './visit-modality';
import { toVisitView } from './visit-view';
import { VisitsRepository } from './visits.repository';

const MAX_AHEAD_MS = 366 * 86_400_000;
const MAX_BEHIND_MS = 86_400_000;

/** What a doctor does with visits: schedule, admit, end, and enter the media room. */
@Injectable()
export class VisitsService {
  constructor(
    private readonly config: AppConfig,
    private readonly visits: VisitsRepository,
    private readonly patients: PatientsService,
    private readonly vault: PatientVault,
    private readonly patientRows: PatientsRepository,
    private readonly users: UsersRepository,
    private readonly queue: QueueService,
    private readonly presence: PresenceService,
    private readonly publisher: RealtimePublisher,
    private readonly media: MediaTokenService,
    private readonly sfu: SfuControlService,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly db: Db,
    private readonly messages: MessageScheduler,
    private readonly history: VisitHistory,
    private readonly consents: ConsentStates,
  ) {}

  async create(actor: Actor, input: CreateVisitRequest): Promise<VisitWithLink> {
    const doctorId = await this.access.queueDoctorId(actor, input.doctorId);
    const existing = input.patientId ? await this.access.patient(actor, input.patientId, 'care') : null;
    const now = Date.now();
    const scheduledAt = input.scheduledAt ? new Date(input.scheduledAt) : new Date(now);
    if (scheduledAt.getTime() > now + MAX_AHEAD_MS || scheduledAt.getTime() < now - MAX_BEHIND_MS) {
      throw new VisitException(VisitExceptionCode.INVALID_SCHEDULE);
    }
    const token = randomToken();
    const joinExpiresAt = this.joinExpiry(scheduledAt);
    let reused = !!existing;
    const visitId = await this.db.transaction(async () => {
      let patientId = existing?.id;
      if (!patientId) {
        const chosen = await this.patients.forNewVisit(actor, input.patient as z.output<typeof patientInputSchema>);
        patientId = chosen.patientId;
        reused = chosen.reused;
      }
      const patient = await this.vault.open((await this.patientRows.findById(patientId))!);
      const id = await this.visits.create({ practiceId: actor.practiceId, doctorId, patientId, status: 'scheduled', scheduledAt, joinTokenHash: hashToken(token), joinExpiresAt });
      await this.history.record({ visit: { id, practiceId: actor.practiceId }, kind: 'booked', by: byUser(actor), detail: { by: 'staff', scheduledAt: scheduledAt.toISOString() } });
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'visit.created', visitId: id, detail: { patientId, doctorId } });
      // The invitation and the reminders exist if and only if the visit does.
      await this.messages.visitCreated({ id, practiceId: actor.practiceId, scheduledAt, patient }, token);
      return id;
    });
    this.messages.wake();
    void this.queue.publish(doctorId);
    return { ...(await this.withLink(await this.load(visitId), token, joinExpiresAt)), patientReused: reused };
  }

  async today(actor: Actor, doctorId?: string): Promise<DoctorQueue> {
    return { visits: (await this.queue.today(await this.access.queueDoctorId(actor, doctorId))).views };
  }

  async get(actor: Actor, visitId: string): Promise<VisitView> {
    const visit = await this.access.visit(actor, visitId, 'view');
    await this.audit.recordAccess({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'visit.viewed', visitId });
    return this.view(visit);
  }

  async reissueLink(actor: Actor, visitId: string): Promise<VisitWithLink> {
    const visit = await this.access.visit(actor, visitId, 'manage');
    if (isClosed(visit.status)) throw new VisitException(VisitExceptionCode.VISIT_CLOSED);
    const token = randomToken();
    const joinExpiresAt = this.joinExpiry(visit.scheduledAt);
    await this.db.transaction(async () => {
      await this.visits.setJoinToken(visit.id, hashToken(token), joinExpiresAt);
      await this.messages.joinLinkReissued(visit.practiceId, visit.id, token);
      await this.history.record({ visit, kind: 'link_reissued', by: byUser(actor) });
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'visit.link_reissued', visitId });
    });
    // The old link no longer opens anything: its sockets (waiting room, consultation) close now.
    this.publisher.disconnectVisit(visit.id);
    return this.withLink(visit, token, joinExpiresAt);
  }

  async admit(actor: Actor, visitId: string): Promise<VisitView> {
    const visit = await this.access.visit(actor, visitId, 'call');
    await this.db.transaction(async () => {
      const admitted = await this.visits.transition(visitId, ['waiting'], { status: 'in_progress', startedAt: new Date() });
      if (!admitted) throw new VisitException(VisitExceptionCode.VISIT_NOT_WAITING);
      await this.history.record({ visit, kind: 'admitted', by: byUser(actor) });
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'visit.admitted', visitId });
    });
    this.publisher.toVisit(visitId, 'visit.admitted', { visitId });
    void this.queue.publish(visit.doctorId);
    return this.view(await this.load(visitId));
  }

  /** The doctor ends or cancels; an assistant cancels a visit that has not started (never a consultation). */
  async endByStaff(actor: Actor, visitId: string): Promise<VisitView> {
    const visit = await this.access.visit(actor, visitId, actor.role === 'assistant' ? 'manage' : 'call');
    if (actor.role === 'assistant' && visit.status === 'in_progress') throw new AccessException(AccessExceptionCode.ASSISTANT_CANNOT_JOIN);
    return this.view(await this.end(visit, 'doctor', actor.userId));
  }

  /**
   * Ends a visit: a consultation in progress becomes completed; a visit that never started is
   * cancelled (only the doctor can cancel). Both sides are told, and the media room is closed.
   */
  async end(visit: VisitEntity, endedBy: VisitEndedBy, actorId: string): Promise<VisitEntity> {
    const endedAt = new Date();
    const actorType = endedBy === 'patient' ? 'patient' : 'user';
    const completed = await this.db.transaction(async () => {
      const done = await this.visits.transition(visit.id, ['in_progress'], { status: 'completed', endedAt, endedBy });
      const cancelled = !done && endedBy === 'doctor' && (await this.visits.transition(visit.id, ['scheduled', 'waiting'], { status: 'cancelled', endedAt, endedBy }));
      if (!done && !cancelled) throw new VisitException(isClosed(visit.status) ? VisitExceptionCode.VISIT_CLOSED : VisitExceptionCode.VISIT_NOT_IN_PROGRESS);
      // The messages the move causes commit with it: a cancellation; reminders no longer due.
      if (done) await this.messages.visitEnded(visit.id);
      else await this.messages.visitCancelled({ ...visit, patient: await this.vault.open(visit.patient) });
      await this.history.record({ visit, kind: done ? 'completed' : 'cancelled', by: { type: actorType, id: actorId } });
      await this.audit.record({ actorType, actorId, practiceId: visit.practiceId, action: done ? 'visit.completed' : 'visit.cancelled', visitId: visit.id });
      return done;
    });
    if (!completed) this.messages.wake();
    // What the SFU carried decides the modality billing reads (F1): video, audio only, or unknown.
    // Closing the room also ends everyone's media at once.
    const media = await this.sfu.closeRoom(visit.id);
    if (completed) {
      const modality = modalityFromMedia(media);
      await this.db.transaction(async () => {
        await this.visits.recordModality(visit.id, { modality, modalitySource: media ? 'sfu' : null, modalityReason: null, mediaSummary: media });
        await this.audit.record({ actorType: 'system', actorId: null, practiceId: visit.practiceId, action: 'visit.modality_recorded', visitId: visit.id, detail: { modality, source: media ? 'sfu' : null } });
      });
    }
    // Every participant is told once the visit's end is fully recorded (the doctor's page then opens
    // the coding screen, which reads the modality).
    this.publisher.toVisit(visit.id, 'visit.ended', { visitId: visit.id, endedBy });
    this.publisher.toDoctor(visit.doctorId, 'visit.ended', { visitId: visit.id, endedBy });
    // The patient's link opens nothing more: its sockets close once they have been told.
    this.publisher.disconnectVisit(visit.id);
    void this.queue.publish(visit.doctorId);
    return this.load(visit.id);
  }

  async mediaAccess(actor: Actor, visitId: string): Promise<MediaAccess> {
    const visit = await this.access.visit(actor, visitId, 'call');
    if (visit.status !== 'in_progress') throw new VisitException(VisitExceptionCode.VISIT_NOT_IN_PROGRESS);
    await this.audit.recordAccess({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'visit.media_joined', visitId });
    return this.media.mediaAccess({ sub: `doctor-${actor.userId}`, room: visit.id, role: 'doctor', name: actor.displayName });
  }

  async setQueueMessage(actor: Actor, request: QueueMessageRequest): Promise<void> {
    const doctorId = await this.access.queueDoctorId(actor, request.doctorId);
    const message = request.message;
    const waiting = message ? (await this.queue.today(doctorId)).entities.filter((v) => v.status === 'waiting') : [];
    await this.db.transaction(async () => {
      await this.users.setQueueMessage(doctorId, message || null);
      for (const visit of waiting) await this.history.record({ visit, kind: 'message_sent', by: byUser(actor), detail: { to: 'all' }, note: message });
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'queue.message', detail: { doctorId, message } });
    });
    await this.queue.publish(doctorId);
  }

  load(visitId: string): Promise<VisitEntity> {
    return this.visits.findById(visitId).then((v) => v ?? Promise.reject(new VisitException(VisitExceptionCode.VISIT_NOT_FOUND)));
  }

  async view(visit: VisitEntity): Promise<VisitView> {
    const consents = await this.consents.of([visit.id]);
    return toVisitView(visit, await this.vault.open(visit.patient), await this.presence.onlineVisitIds([visit.id]), { consents: consents.get(visit.id)! });
  }

  /** A visit with its join link (the token is shown only when it is issued). */
  async withLink(visit: VisitEntity, token: string, joinExpiresAt: Date): Promise<VisitWithLink> {
    return { visit: await this.view(visit), joinUrl: `${this.config.publicUrl}/join/${token}`, joinExpiresAt: joinExpiresAt.toISOString() };
  }

  /** Until when a new link opens the visit. */
  joinExpiry(scheduledAt: Date): Date {
    return new Date(Math.max(scheduledAt.getTime(), Date.now()) + this.config.joinLinkTtlMs);
  }
}

export function isClosed(status: VisitStatus): boolean {
  return status === 'completed' || status === 'cancelled';
}
