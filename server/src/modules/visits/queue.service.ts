import { Injectable, Logger, BeforeApplicationShutdown } from '@nestjs/common';
import type { VisitView, WaitingStatus } from '@visite/contracts';
import { AppConfig } from '../../config/app-config';
import { dayBounds } from '../../common/time/day-bounds';
import { UsersRepository } from '../auth/users.repository';
import { ConsentStates } from '../consent/consent-states';
import { PatientVault } from '../patients/patient-vault';
import { PracticesService } from '../practice/practices.service';
import { PresenceService } from '../realtime/presence.service';
import { RealtimePublisher } from '../realtime/realtime.publisher';
import type { VisitEntity } from './visit.entity';
import { toVisitView } from './visit-view';
import { VisitsRepository } from './visits.repository';
import { waitingStatuses } from './waiting-queue';

/** A doctor's day: the queue the doctor sees, and each waiting patient's place and estimate. */
@Injectable()
export class QueueService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueService.name);
  private readonly inFlight = new Set<Promise<unknown>>();
  private closing = false;

  constructor(
    private readonly config: AppConfig,
    private readonly visits: VisitsRepository,
    private readonly users: UsersRepository,
    private readonly presence: PresenceService,
    private readonly publisher: RealtimePublisher,
    private readonly practices: PracticesService,
    private readonly vault: PatientVault,
    private readonly consents: ConsentStates,
  ) {}

  /** A doctor's day in their practice's time zone. */
  async today(doctorId: string, now = new Date()): Promise<{ entities: VisitEntity[]; views: VisitView[] }> {
    const { start, end } = dayBounds(now, await this.timeZoneOf(doctorId));
    const entities = await this.visits.forDoctorDay(doctorId, start, end);
    const online = await this.presence.onlineVisitIds(entities.map((v) => v.id));
    const patients = await this.vault.openMany(entities.map((v) => v.patient));
    const consents = await this.consents.of(entities.map((v) => v.id));
    return { entities, views: entities.map((v, i) => toVisitView(v, patients[i]!, online, { consents: consents.get(v.id)! })) };
  }

  /** Waiting status of one visit, as its patient sees it, among the statuses of its doctor's queue. */
  statusOf(visit: VisitEntity, statuses: ReadonlyMap<string, WaitingStatus>): WaitingStatus {
    return (
      statuses.get(visit.id) ?? {
        visitId: visit.id,
        status: visit.status,
        position: null,
        estimatedWaitMinutes: null,
        doctorName: visit.doctor.displayName,
        doctorMessage: null,
      }
    );
  }

  /**
   * Sends the doctor their queue and every waiting patient their place, and returns those places.
   * Never throws (an empty map if it could not be computed).
   */
  publish(doctorId: string): Promise<Map<string, WaitingStatus>> {
    if (this.closing) return Promise.resolve(new Map());
    const run = this.doPublish(doctorId).finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
    return run;
  }

  /**
   * On shutdown: no new publications (sockets disconnecting as the node stops must not publish
   * through a closing Redis adapter), and those under way finish before the database closes.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.inFlight]);
  }

  private async doPublish(doctorId: string): Promise<Map<string, WaitingStatus>> {
    try {
      const { entities, views } = await this.today(doctorId);
      this.publisher.toDoctor(doctorId, 'queue.updated', { visits: views });
      const statuses = await this.statuses(doctorId, entities);
      for (const [visitId, status] of statuses) this.publisher.toVisit(visitId, 'waiting.status', status);
      return statuses;
    } catch (error) {
      this.logger.error(`could not publish the queue of doctor ${doctorId}: ${(error as Error).message}`);
      return new Map();
    }
  }

  private async timeZoneOf(doctorId: string): Promise<string> {
    const doctor = await this.users.findById(doctorId);
    return doctor ? this.practices.timeZone(doctor.practiceId) : this.config.practiceTimeZone;
  }

  private async statuses(doctorId: string, entities: VisitEntity[]): Promise<Map<string, WaitingStatus>> {
    const now = new Date();
    const doctor = await this.users.findById(doctorId);
    const mean = await this.visits.meanDurationMinutes(doctorId, dayBounds(now, await this.timeZoneOf(doctorId)).start);
    return waitingStatuses(entities, {
      now,
      meanMinutes: mean ?? this.config.defaultConsultationMinutes,
      doctorName: doctor?.displayName ?? '',
      doctorMessage: doctor?.queueMessage ?? null,
    });
  }
}
