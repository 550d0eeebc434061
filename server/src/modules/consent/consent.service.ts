import { Injectable, Logger } from '@nestjs/common';
import {
  CONSENT_KINDS,
  REQUIRED_CONSENT_KINDS,
  type ConsentKind,
  type ConsentMethod,
  type ConsentParticipant,
  type ConsentTextContent,
  type ConsentTextToAccept,
  type ConsentTextsView,
  type ConsentTextView,
  type ConsentWording,
  type Language,
  type ParticipantConsentState,
  type RecordOralConsentRequest,
} from '@visite/contracts';
import { Db } from '../../database/db';
import { AuditService } from '../audit/audit.service';
import { UsersRepository } from '../auth/users.repository';
import { SfuControlService } from '../media/sfu-control.service';
import { AccessService } from '../practice/access.service';
import type { Actor } from '../practice/actor';
import type { VisitEntity } from '../visits/visit.entity';
import { QueueService } from '../visits/queue.service';
import { defaultConsentContent, KINDS_WITH_AUDIO_WORDING } from './consent-text';
import type { ConsentTextEntity } from './consent-text.entity';
import { ConsentTextsRepository } from './consent-texts.repository';
import { participantState } from './consent-state';
import { ConsentException, ConsentExceptionCode } from './consent.exception';
import { ConsentsRepository } from './consents.repository';

/** A participant of a visit: the patient, or one guest. */
export interface ConsentSubject {
  participant: ConsentParticipant;
  guestId: string | null;
  /** Their peer id in the media room (the SFU puts this peer out on withdrawal). */
  peerId: string;
}

export const patientSubject = (visitId: string): ConsentSubject => ({ participant: 'patient', guestId: null, peerId: `patient-${visitId}` });

export interface GiveConsent {
  texts: { kind: ConsentKind; version: number }[];
  language: Language;
  wording: ConsentWording;
  method: ConsentMethod;
  recordedBy: string | null;
  userAgent: string | null;
}

const UNIQUE_VIOLATION = '23505';

function toTextView(row: ConsentTextEntity, authors: ReadonlyMap<string, string>): ConsentTextView {
  return { id: row.id, kind: row.kind, version: row.version, content: row.content, createdAt: row.createdAt.toISOString(), createdBy: row.createdBy ? (authors.get(row.createdBy) ?? null) : null };
}

/**
 * Consent (docs/consent.md): the practice's texts and their versions, each participant's answers
 * (appended, never edited), the rule that no media flows without a consent in force, and withdrawal,
 * which puts the participant out of the media room at once.
 */
@Injectable()
export class ConsentService {
  private readonly logger = new Logger(ConsentService.name);

  constructor(
    private readonly texts: ConsentTextsRepository,
    private readonly consents: ConsentsRepository,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly users: UsersRepository,
    private readonly sfu: SfuControlService,
    private readonly queue: QueueService,
    private readonly db: Db,
  ) {}

  /** The versions in force of every kind (version 1, Visite's default text, is written the first time). */
  async currentTexts(practiceId: string): Promise<ConsentTextEntity[]> {
    let current = await this.texts.current(practiceId);
    const missing = CONSENT_KINDS.filter((kind) => !current.some((row) => row.kind === kind));
    if (missing.length) {
      for (const kind of missing) await this.texts.add({ practiceId, kind, version: 1, content: defaultConsentContent(kind), createdBy: null });
      current = await this.texts.current(practiceId);
    }
    return CONSENT_KINDS.map((kind) => current.find((row) => row.kind === kind)!);
  }

  /** What a participant must accept, in force now. */
  async textsToAccept(practiceId: string, participant: ConsentParticipant): Promise<ConsentTextToAccept[]> {
    const current = await this.currentTexts(practiceId);
    return REQUIRED_CONSENT_KINDS[participant].map((kind) => {
      const row = current.find((text) => text.kind === kind)!;
      return { kind, version: row.version, content: row.content };
    });
  }

  /** Staff: the texts in force and every earlier version. */
  async textsView(actor: Actor): Promise<ConsentTextsView> {
    const current = await this.currentTexts(actor.practiceId);
    const all = await this.texts.all(actor.practiceId);
    const authors = new Map((await this.users.inPractice(actor.practiceId)).map((user) => [user.id, user.displayName]));
    return {
      current: current.map((row) => toTextView(row, authors)),
      history: all.filter((row) => !current.some((c) => c.id === row.id)).map((row) => toTextView(row, authors)),
    };
  }

  /** Admin: a new version of a kind's text. */
  async updateText(actor: Actor, kind: ConsentKind, content: ConsentTextContent): Promise<ConsentTextView> {
    this.access.requireRole(actor, ['admin']);
    if (KINDS_WITH_AUDIO_WORDING.includes(kind) && (!content.fr.audioBody || !content.en.audioBody)) {
      throw new ConsentException(ConsentExceptionCode.CONSENT_AUDIO_TEXT_REQUIRED);
    }
    const current = (await this.currentTexts(actor.practiceId)).find((row) => row.kind === kind)!;
    const created = await this.db.transaction(async () => {
      const row = await this.texts.add({ practiceId: actor.practiceId, kind, version: current.version + 1, content, createdBy: actor.userId });
      if (!row) throw new ConsentException(ConsentExceptionCode.CONSENT_CONFLICT);
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'consent_text.updated', detail: { kind, version: row.version, textId: row.id } });
      return row;
    });
    return toTextView(created, new Map([[actor.userId, actor.displayName]]));
  }

  async stateOf(visit: VisitEntity, subject: ConsentSubject): Promise<ParticipantConsentState> {
    return participantState(subject.participant, subject.guestId, await this.consents.inForce([visit.id]));
  }

  /** Throws unless the participant's consent is in force: none given yet, or withdrawn. */
  async requireCurrent(visit: VisitEntity, subject: ConsentSubject): Promise<void> {
    const state = await this.stateOf(visit, subject);
    if (state.status === 'withdrawn') throw new ConsentException(ConsentExceptionCode.CONSENT_WITHDRAWN);
    if (state.status !== 'given') throw new ConsentException(ConsentExceptionCode.CONSENT_REQUIRED);
  }

  /**
   * Records a participant's agreement to every kind required of them, each at the version in force.
   * A kind already given at that version is not written again (a double click, a retry).
   */
  async give(visit: VisitEntity, subject: ConsentSubject, answer: GiveConsent): Promise<ParticipantConsentState> {
    const required = REQUIRED_CONSENT_KINDS[subject.participant];
    const current = await this.currentTexts(visit.practiceId);
    for (const kind of required) {
      const given = answer.texts.find((text) => text.kind === kind);
      if (!given) throw new ConsentException(ConsentExceptionCode.CONSENT_INCOMPLETE);
      if (given.version !== current.find((row) => row.kind === kind)!.version) throw new ConsentException(ConsentExceptionCode.CONSENT_VERSION_OUTDATED);
    }
    await this.writeChains(async () => {
      const inForce = await this.consents.inForce([visit.id]);
      const written: { kind: ConsentKind; version: number }[] = [];
      for (const kind of required) {
        const text = current.find((row) => row.kind === kind)!;
        const latest = inForce.find((row) => row.participant === subject.participant && row.guestId === subject.guestId && row.kind === kind);
        if (latest?.decision === 'given' && latest.textVersion === text.version) continue;
        await this.consents.add({
          practiceId: visit.practiceId,
          visitId: visit.id,
          participant: subject.participant,
          guestId: subject.guestId,
          kind,
          decision: 'given',
          textId: text.id,
          textVersion: text.version,
          language: answer.language,
          wording: KINDS_WITH_AUDIO_WORDING.includes(kind) ? answer.wording : null,
          method: answer.method,
          recordedBy: answer.recordedBy,
          supersedesId: latest?.id ?? null,
          userAgent: answer.userAgent?.slice(0, 500) ?? null,
        });
        written.push({ kind, version: text.version });
      }
      if (written.length) await this.audit.record(this.auditRow(visit, subject, answer.recordedBy, 'consent.given', { texts: written, method: answer.method, wording: answer.wording, language: answer.language }));
    });
    void this.queue.publish(visit.doctorId);
    return this.stateOf(visit, subject);
  }

  /**
   * Withdraws every kind the participant has given: a withdrawal row supersedes each, then the SFU puts
   * the participant out of the media room (their media stops at once; their earlier tokens open nothing).
   */
  async withdraw(visit: VisitEntity, subject: ConsentSubject, how: { method: ConsentMethod; recordedBy: string | null; language: Language; userAgent: string | null }): Promise<ParticipantConsentState> {
    await this.writeChains(async () => {
      const inForce = await this.consents.inForce([visit.id]);
      const given = inForce.filter((row) => row.participant === subject.participant && row.guestId === subject.guestId && row.decision === 'given');
      if (given.length === 0) throw new ConsentException(ConsentExceptionCode.CONSENT_NOTHING_TO_WITHDRAW);
      for (const row of given) {
        await this.consents.add({
          practiceId: visit.practiceId,
          visitId: visit.id,
          participant: subject.participant,
          guestId: subject.guestId,
          kind: row.kind,
          decision: 'withdrawn',
          textId: null,
          textVersion: null,
          language: how.language,
          wording: null,
          method: how.method,
          recordedBy: how.recordedBy,
          supersedesId: row.id,
          userAgent: how.userAgent?.slice(0, 500) ?? null,
        });
      }
      await this.audit.record(this.auditRow(visit, subject, how.recordedBy, 'consent.withdrawn', { kinds: given.map((row) => row.kind), method: how.method }));
    });
    // Media ends now: no new token is issued (requireCurrent), and the SFU drops the peer it has.
    if (!(await this.sfu.closePeer(visit.id, subject.peerId))) this.logger.error(`consent withdrawn in visit ${visit.id} but the SFU did not put ${subject.peerId} out`);
    void this.queue.publish(visit.doctorId);
    return this.stateOf(visit, subject);
  }

  /** The visit's doctor records the patient's oral agreement or withdrawal (the call, the phone). */
  async recordOral(actor: Actor, visitId: string, request: RecordOralConsentRequest): Promise<ParticipantConsentState> {
    const visit = await this.access.visit(actor, visitId, 'call');
    const subject = patientSubject(visit.id);
    if (request.decision === 'withdrawn') {
      return this.withdraw(visit, subject, { method: 'oral', recordedBy: actor.userId, language: request.language, userAgent: null });
    }
    const texts = (await this.textsToAccept(visit.practiceId, 'patient')).map(({ kind, version }) => ({ kind, version }));
    return this.give(visit, subject, { texts, language: request.language, wording: request.wording, method: 'oral', recordedBy: actor.userId, userAgent: null });
  }

  private auditRow(visit: VisitEntity, subject: ConsentSubject, recordedBy: string | null, action: string, detail: Record<string, unknown>) {
    const byPatient = !recordedBy && subject.participant === 'patient';
    return {
      actorType: recordedBy ? ('user' as const) : byPatient ? ('patient' as const) : ('system' as const),
      actorId: recordedBy ?? (byPatient ? visit.patientId : null),
      practiceId: visit.practiceId,
      action,
      visitId: visit.id,
      detail: { participant: subject.participant, ...(subject.guestId ? { guestId: subject.guestId } : {}), ...detail },
    };
  }

  /** One chain per participant and kind (unique indexes): two answers crossing make one of them retry once. */
  private async writeChains(work: () => Promise<void>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.db.transaction(work);
        return;
      } catch (error) {
        const code = (error as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (error as { code?: string }).code;
        if (code !== UNIQUE_VIOLATION) throw error;
        if (attempt >= 1) throw new ConsentException(ConsentExceptionCode.CONSENT_CONFLICT);
      }
    }
  }
}
