import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  CHECK_ROOM_PREFIX,
  judgeReadiness,
  type DayReadiness,
  type JoinReadiness,
  type MediaAccess,
  type ReadinessReport,
  type ReadinessSummary,
} from '@visite/contracts';
import { dayBounds } from '../../common/time/day-bounds';
import { Db } from '../../database/db';
import { AuditService } from '../audit/audit.service';
import { JoinService } from '../join/join.service';
import { MediaTokenService } from '../media/media-token.service';
import { PatientVault } from '../patients/patient-vault';
import type { Actor } from '../practice/actor';
import { AccessService } from '../practice/access.service';
import { PracticesService } from '../practice/practices.service';
import { VisitException, VisitExceptionCode } from '../visits/visit.exception';
import type { VisitEntity } from '../visits/visit.entity';
import { isClosed } from '../visits/visits.service';
import type { ReadinessCheckEntity } from './readiness-check.entity';
import { ReadinessRepository } from './readiness.repository';

/**
 * The patient's pre-call check and the readiness it gives the practice. From their link, at any time
 * before the visit ends, a patient gets a test token for a fresh check room of the SFU (loopback, one
 * participant, about a minute) and reports what the browser measured; the verdict is recomputed here
 * from the report (`judgeReadiness`, the same function the web shows) and stored with its figures.
 */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly join: JoinService,
    private readonly checks: ReadinessRepository,
    private readonly media: MediaTokenService,
    private readonly access: AccessService,
    private readonly practices: PracticesService,
    private readonly vault: PatientVault,
    private readonly audit: AuditService,
    private readonly db: Db,
  ) {}

  /** A check token for a room nobody else can enter, which is never a visit's room. */
  async checkAccess(token: string): Promise<MediaAccess> {
    const visit = await this.open(token);
    const room = `${CHECK_ROOM_PREFIX}${randomUUID()}`;
    return this.media.checkAccess({ sub: `check-${visit.id}`, room, role: 'patient', name: '' });
  }

  async report(token: string, report: ReadinessReport, userAgent: string | null): Promise<ReadinessSummary> {
    const visit = await this.open(token);
    const verdict = judgeReadiness(report);
    const n = report.network;
    const stored = await this.db.transaction(async () => {
      const row = await this.checks.add({
        practiceId: visit.practiceId,
        visitId: visit.id,
        outcome: verdict.outcome,
        reasons: verdict.reasons,
        modality: verdict.modality,
        rttMs: n.rttMs,
        receiveKbps: n.receiveKbps,
        lossPct: n.lossPct,
        report,
        browser: report.browser,
        userAgent: userAgent?.slice(0, 500) ?? null,
      });
      await this.audit.record({
        actorType: 'patient',
        actorId: visit.patientId,
        practiceId: visit.practiceId,
        action: 'visit.readiness_checked',
        visitId: visit.id,
        detail: { outcome: verdict.outcome, reasons: verdict.reasons },
      });
      return row;
    });
    return toSummary(stored);
  }

  async latest(token: string): Promise<JoinReadiness> {
    const visit = await this.join.resolve(token);
    const row = await this.checks.latest(visit.id);
    return { latest: row ? toSummary(row) : null };
  }

  /** A doctor's day (in the practice's time zone): each patient ready, doubtful or not checked. */
  async day(actor: Actor, date: string, doctorId?: string): Promise<DayReadiness> {
    const doctor = await this.access.queueDoctorId(actor, doctorId);
    // Noon UTC falls on the same calendar date in every time zone from UTC-11 to UTC+11.
    const { start, end } = dayBounds(new Date(`${date}T12:00:00Z`), await this.practices.timeZone(actor.practiceId));
    const visits = await this.checks.scheduledBetween(doctor, start, end);
    const [patients, latest] = await Promise.all([this.vault.openMany(visits.map((v) => v.patient)), this.checks.latestOf(visits.map((v) => v.id))]);
    await this.audit.recordAccess({
      actorType: 'user',
      actorId: actor.userId,
      practiceId: actor.practiceId,
      action: 'readiness.day_viewed',
      detail: { date, doctorId: doctor, visitIds: visits.map((v) => v.id) },
    });
    return {
      date,
      doctorId: doctor,
      visits: visits.map((visit, i) => {
        const row = latest.get(visit.id);
        const patient = patients[i]!;
        return {
          visitId: visit.id,
          scheduledAt: visit.scheduledAt.toISOString(),
          status: visit.status,
          patient: { id: visit.patientId, firstName: patient.firstName, lastName: patient.lastName },
          readiness: row ? toSummary(row) : null,
        };
      }),
    };
  }

  private async open(token: string): Promise<VisitEntity> {
    const visit = await this.join.resolve(token);
    if (isClosed(visit.status)) throw new VisitException(VisitExceptionCode.VISIT_CLOSED);
    return visit;
  }
}

function toSummary(row: ReadinessCheckEntity): ReadinessSummary {
  return {
    outcome: row.outcome,
    reasons: row.reasons,
    modality: row.modality,
    checkedAt: row.createdAt.toISOString(),
    rttMs: row.rttMs,
    receiveKbps: row.receiveKbps,
    lossPct: row.lossPct,
    browser: row.browser,
  };
}
