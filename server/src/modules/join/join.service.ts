import { DEFAULT_LANGUAGE, type Language } from '@visite/i18n';
import { Injectable } from '@nestjs/common';
import type { GiveConsentRequest, JoinInfo, MediaAccess, WaitingStatus } from '@visite/contracts';
import { hashToken } from '../../common/crypto/random-token';
import { Db } from '../../database/db';
import { AuditService } from '../audit/audit.service';
import { VisitHistory } from '../history/visit-history.service';
import { ConsentService, patientSubject } from '../consent/consent.service';
import { MediaTokenService } from '../media/media-token.service';
import { PatientVault } from '../patients/patient-vault';
import { PracticesService } from '../practice/practices.service';
import { QueueService } from '../visits/queue.service';
import { VisitException, VisitExceptionCode } from '../visits/visit.exception';
import type { VisitEntity } from '../visits/visit.entity';
import { VisitsRepository } from '../visits/visits.repository';
import { isClosed, VisitsService } from '../visits/visits.service';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * The patient's side: no account, the join token of their link is the credential, and it opens
 * exactly one visit.
 */
@Injectable()
export class JoinService {
  constructor(
    private readonly visits: VisitsRepository,
    private readonly visitsService: VisitsService,
    private readonly consent: ConsentService,
    private readonly queue: QueueService,
    private readonly media: MediaTokenService,
    private readonly audit: AuditService,
    private readonly db: Db,
    private readonly vault: PatientVault,
    private readonly practices: PracticesService,
    private readonly history: VisitHistory,
  ) {}

  /** The visit a join token opens. Expired links still show a closed or running visit. */
  async resolve(token: string | undefined): Promise<VisitEntity> {
    if (!token || !TOKEN_SHAPE.test(token)) throw new VisitException(VisitExceptionCode.JOIN_LINK_INVALID);
    const visit = await this.visits.findByJoinTokenHash(hashToken(token));
    if (!visit) throw new VisitException(VisitExceptionCode.JOIN_LINK_INVALID);
    if (visit.joinExpiresAt.getTime() < Date.now() && visit.status !== 'in_progress' && !isClosed(visit.status)) {
      throw new VisitException(VisitExceptionCode.JOIN_LINK_EXPIRED);
    }
    return visit;
  }

  /** The visit as the patient sees it, with the consent texts in both languages (the page switches). */
  async info(token: string): Promise<JoinInfo> {
    const visit = await this.resolve(token);
    return this.toInfo(visit);
  }

  /** The patient ticked each text (in `language`, with the video or audio-only wording). */
  async giveConsent(token: string, answer: GiveConsentRequest, userAgent: string | null): Promise<JoinInfo> {
    const visit = await this.open(token);
    await this.consent.give(visit, patientSubject(visit.id), { ...answer, method: 'web_checkbox', recordedBy: null, userAgent });
    return this.toInfo(visit);
  }

  /** The patient withdraws their consent (during the call): their media ends at once. */
  async withdrawConsent(token: string, userAgent: string | null, language: Language = DEFAULT_LANGUAGE): Promise<JoinInfo> {
    const visit = await this.open(token);
    await this.consent.withdraw(visit, patientSubject(visit.id), { method: 'web_button', recordedBy: null, language, userAgent });
    return this.toInfo(visit);
  }

  /** The patient knocks: the visit is now waiting, and the doctor sees it live. */
  async enterWaitingRoom(token: string): Promise<WaitingStatus> {
    const visit = await this.open(token);
    await this.requireConsent(visit);
    if (visit.status === 'scheduled') {
      await this.db.transaction(async () => {
        if (await this.visits.transition(visit.id, ['scheduled'], { status: 'waiting', waitingSince: new Date() })) {
          await this.history.record({ visit, kind: 'arrived', by: { type: 'patient', id: visit.patientId } });
          await this.audit.record({ actorType: 'patient', actorId: visit.patientId, practiceId: visit.practiceId, action: 'visit.patient_arrived', visitId: visit.id });
        }
      });
    }
    const statuses = await this.queue.publish(visit.doctorId);
    return this.queue.statusOf(await this.visitsService.load(visit.id), statuses);
  }

  async mediaAccess(token: string): Promise<MediaAccess> {
    const visit = await this.open(token);
    if (visit.status !== 'in_progress') throw new VisitException(VisitExceptionCode.VISIT_NOT_IN_PROGRESS);
    await this.requireConsent(visit);
    await this.audit.recordAccess({ actorType: 'patient', actorId: visit.patientId, practiceId: visit.practiceId, action: 'visit.media_joined', visitId: visit.id });
    return this.media.mediaAccess({ sub: `patient-${visit.id}`, room: visit.id, role: 'patient', name: (await this.vault.open(visit.patient)).firstName });
  }

  async end(token: string): Promise<void> {
    const visit = await this.open(token);
    await this.visitsService.end(visit, 'patient', visit.patientId);
  }

  private async open(token: string): Promise<VisitEntity> {
    const visit = await this.resolve(token);
    if (isClosed(visit.status)) throw new VisitException(VisitExceptionCode.VISIT_CLOSED);
    return visit;
  }

  /** No waiting room and no media token without the patient's consent in force (none yet, or withdrawn: refused with its code). */
  private requireConsent(visit: VisitEntity): Promise<void> {
    return this.consent.requireCurrent(visit, patientSubject(visit.id));
  }

  private async toInfo(visit: VisitEntity): Promise<JoinInfo> {
    const state = await this.consent.stateOf(visit, patientSubject(visit.id));
    const practice = await this.practices.view(visit.practiceId);
    return {
      visitId: visit.id,
      status: visit.status,
      patientFirstName: (await this.vault.open(visit.patient)).firstName,
      doctorName: visit.doctor.displayName,
      scheduledAt: visit.scheduledAt.toISOString(),
      practice: { name: practice.name, phone: practice.settings.phone },
      consentGiven: state.status === 'given',
      consent: { texts: await this.consent.textsToAccept(visit.practiceId, 'patient'), state },
    };
  }
}
