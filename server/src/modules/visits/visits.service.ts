import { Injectable } from '@nestjs/common';
import type { CreateVisitRequest, DoctorQueue, MediaAccess, VisitEndedBy, VisitStatus, VisitView, VisitWithLink } from '@visite/contracts';
import { AppConfig } from '../../config/app-config';
import { hashToken, randomToken } from '../../common/crypto/random-token';
import { AuditService } from '../audit/audit.service';
import type { UserEntity } from '../auth/user.entity';
import { UsersRepository } from '../auth/users.repository';
import { MediaTokenService } from '../media/media-token.service';
import { SfuControlService } from '../media/sfu-control.service';
import { PatientsRepository } from '../patients/patients.repository';
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
    private readonly patients: PatientsRepository,
    private readonly users: UsersRepository,
    private readonly queue: QueueService,
    private readonly presence: PresenceService,
    private readonly publisher: RealtimePublisher,
    private readonly media: MediaTokenService,
    private readonly sfu: SfuControlService,
    private readonly audit: AuditService,
  ) {}

  async create(doctor: UserEntity, input: CreateVisitRequest): Promise<VisitWithLink> {
    const now = Date.now();
    const scheduledAt = input.scheduledAt ? new Date(input.scheduledAt) : new Date(now);
    if (scheduledAt.getTime() > now + MAX_AHEAD_MS || scheduledAt.getTime() < now - MAX_BEHIND_MS) {
      throw new VisitException(VisitExceptionCode.INVALID_SCHEDULE);
    }
    const token = randomToken();
    const joinExpiresAt = this.joinExpiry(scheduledAt);
    const visitId = await this.visits.transaction(async (manager) => {
      const p = input.patient;
      const patient = await this.patients.create(
        { firstName: p.firstName.trim(), lastName: p.lastName.trim(), birthDate: p.birthDate, phone: p.phone?.trim() || null, email: p.email?.trim().toLowerCase() || null },
        manager,
      );
      return this.visits.create({ doctorId: doctor.id, patientId: patient.id, status: 'scheduled', scheduledAt, joinTokenHash: hashToken(token), joinExpiresAt }, manager);
    });
    await this.audit.record({ actorType: 'user', actorId: doctor.id, action: 'visit.created', visitId });
    void this.queue.publish(doctor.id);
    return this.withLink(await this.load(visitId), token, joinExpiresAt);
  }

  async today(doctorId: string): Promise<DoctorQueue> {
    return { visits: (await this.queue.today(doctorId)).views };
  }

  async get(doctor: UserEntity, visitId: string): Promise<VisitView> {
    const visit = await this.owned(doctor, visitId);
    await this.audit.record({ actorType: 'user', actorId: doctor.id, action: 'visit.viewed', visitId });
    return this.view(visit);
  }

  async reissueLink(doctor: UserEntity, visitId: string): Promise<VisitWithLink> {
    const visit = await this.owned(doctor, visitId);
    if (isClosed(visit.status)) throw new VisitException(VisitExceptionCode.VISIT_CLOSED);
    const token = randomToken();
    const joinExpiresAt = this.joinExpiry(visit.scheduledAt);
    await this.visits.setJoinToken(visit.id, hashToken(token), joinExpiresAt);
    await this.audit.record({ actorType: 'user', actorId: doctor.id, action: 'visit.link_reissued', visitId });
    return this.withLink(visit, token, joinExpiresAt);
  }

  async admit(doctor: UserEntity, visitId: string): Promise<VisitView> {
    await this.owned(doctor, visitId);
    const admitted = await this.visits.transition(visitId, ['waiting'], { status: 'in_progress', startedAt: new Date() });
    if (!admitted) throw new VisitException(VisitExceptionCode.VISIT_NOT_WAITING);
    await this.audit.record({ actorType: 'user', actorId: doctor.id, action: 'visit.admitted', visitId });
    this.publisher.toVisit(visitId, 'visit.admitted', { visitId });
    void this.queue.publish(doctor.id);
    return this.view(await this.load(visitId));
  }

  async endByDoctor(doctor: UserEntity, visitId: string): Promise<VisitView> {
    const visit = await this.owned(doctor, visitId);
    return this.view(await this.end(visit, 'doctor', doctor.id));
  }

  /**
   * Ends a visit: a consultation in progress becomes completed; a visit that never started is
   * cancelled (only the doctor can cancel). Both sides are told, and the media room is closed.
   */
  async end(visit: VisitEntity, endedBy: VisitEndedBy, actorId: string): Promise<VisitEntity> {
    const endedAt = new Date();
    const completed = await this.visits.transition(visit.id, ['in_progress'], { status: 'completed', endedAt, endedBy });
    const cancelled = !completed && endedBy === 'doctor' && (await this.visits.transition(visit.id, ['scheduled', 'waiting'], { status: 'cancelled', endedAt, endedBy }));
    if (!completed && !cancelled) throw new VisitException(isClosed(visit.status) ? VisitExceptionCode.VISIT_CLOSED : VisitExceptionCode.VISIT_NOT_IN_PROGRESS);
    this.publisher.toVisit(visit.id, 'visit.ended', { visitId: visit.id, endedBy });
    // What the SFU carried decides the modality billing reads (F1): video, audio only, or unknown.
    const media = await this.sfu.closeRoom(visit.id);
    if (completed) await this.visits.recordModality(visit.id, { modality: modalityFromMedia(media), modalitySource: media ? 'sfu' : null, modalityReason: null, mediaSummary: media });
    const after = await this.load(visit.id);
    await this.audit.record({ actorType: endedBy === 'patient' ? 'patient' : 'user', actorId, action: `visit.${after.status}`, visitId: visit.id, detail: completed ? { modality: after.modality } : {} });
    void this.queue.publish(visit.doctorId);
    return after;
  }

  async mediaAccess(doctor: UserEntity, visitId: string): Promise<MediaAccess> {
    const visit = await this.owned(doctor, visitId);
    if (visit.status !== 'in_progress') throw new VisitException(VisitExceptionCode.VISIT_NOT_IN_PROGRESS);
    await this.audit.record({ actorType: 'user', actorId: doctor.id, action: 'visit.media_joined', visitId });
    return this.media.mediaAccess({ sub: `doctor-${doctor.id}`, room: visit.id, role: 'doctor', name: doctor.displayName });
  }

  async setQueueMessage(doctor: UserEntity, message: string): Promise<void> {
    await this.users.setQueueMessage(doctor.id, message.trim() || null);
    await this.audit.record({ actorType: 'user', actorId: doctor.id, action: 'queue.message', detail: { message: message.trim() } });
    await this.queue.publish(doctor.id);
  }

  load(visitId: string): Promise<VisitEntity> {
    return this.visits.findById(visitId).then((v) => v ?? Promise.reject(new VisitException(VisitExceptionCode.VISIT_NOT_FOUND)));
  }

  private async owned(doctor: UserEntity, visitId: string): Promise<VisitEntity> {
    const visit = await this.load(visitId);
    if (visit.doctorId !== doctor.id) throw new VisitException(VisitExceptionCode.NOT_YOUR_VISIT);
    return visit;
  }

  private async view(visit: VisitEntity): Promise<VisitView> {
    return toVisitView(visit, await this.presence.onlineVisitIds([visit.id]));
  }

  private async withLink(visit: VisitEntity, token: string, joinExpiresAt: Date): Promise<VisitWithLink> {
    return { visit: await this.view(visit), joinUrl: `${this.config.publicUrl}/join/${token}`, joinExpiresAt: joinExpiresAt.toISOString() };
  }

  private joinExpiry(scheduledAt: Date): Date {
    return new Date(Math.max(scheduledAt.getTime(), Date.now()) + this.config.joinLinkTtlMs);
  }
}

export function isClosed(status: VisitStatus): boolean {
  return status === 'completed' || status === 'cancelled';
}
