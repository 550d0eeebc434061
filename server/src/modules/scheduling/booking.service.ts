import { Injectable } from '@nestjs/common';
import type {
  BookingConfirmation, JoinBooking, Language, PublicBookingPage, PublicBookingRequest, ScheduleView, SlotsView, StaffBookingRequest, VisitView, VisitWithLink,
} from '@visite/contracts';
import { addDays, daysBetween, zonedToUtc, type Interval } from '@visite/scheduling';
import { hashToken, randomToken } from '../../common/crypto/random-token';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db';
import { AuditService } from '../audit/audit.service';
import { UsersRepository } from '../auth/users.repository';
import type { UserEntity } from '../auth/user.entity';
import { byUser, VisitHistory } from '../history/visit-history.service';
import { JoinService } from '../join/join.service';
import { Keyring } from '../keys/keyring';
import { maskEmail, maskPhone } from '../messaging/mask';
import { MessageScheduler } from '../messaging/message-scheduler.service';
import { PatientVault } from '../patients/patient-vault';
import { PatientsRepository } from '../patients/patients.repository';
import { PatientsService } from '../patients/patients.service';
import { AccessService } from '../practice/access.service';
import type { Actor } from '../practice/actor';
import { PracticesService } from '../practice/practices.service';
import { RealtimePublisher } from '../realtime/realtime.publisher';
import { QueueService } from '../visits/queue.service';
import { VisitException, VisitExceptionCode } from '../visits/visit.exception';
import type { VisitEntity } from '../visits/visit.entity';
import { VisitsRepository } from '../visits/visits.repository';
import { isClosed, VisitsService } from '../visits/visits.service';
import { SchedulingException } from './scheduling.exception';
import { SchedulingRepository } from './scheduling.repository';
import { SchedulingService, toVisitTypeView, type DoctorRules } from './scheduling.service';
import type { VisitTypeEntity } from './visit-type.entity';

const HOUR = 3_600_000;
const reasonPlace = (visitId: string) => ({ table: 'visit_bookings', column: 'reason', rowId: visitId });

/** PostgreSQL's exclusion_violation: the range overlaps a booking committed (or committing) by someone else. */
function isSlotTaken(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string }; constraint?: string };
  return (e?.code ?? e?.driverError?.code) === '23P01';
}

interface NewBooking {
  practiceId: string;
  rules: DoctorRules;
  type: VisitTypeEntity;
  slot: Interval;
  /** Inside the booking's transaction: the patient's id (found in or added to the directory). */
  patient: () => Promise<string>;
  bookedBy: 'staff' | 'patient';
  by: { type: 'user' | 'patient'; id: string | null };
  reason: string | null;
  contactConsent: boolean;
  language: Language | null;
  timeZone: string;
}

/**
 * Bookings: staff book a slot for a patient; patients book on the public page and cancel or reschedule
 * from their link within the practice's rules. **Never two visits in one slot of one doctor**: the slot
 * is checked first (a clear refusal for the common case), and the database's exclusion constraint
 * `ex_visits_doctor_slot` decides between concurrent requests (the loser's INSERT waits for the winner's
 * transaction, then fails with 23P01, answered 409 SLOT_TAKEN). The visit, its patient, its booking row,
 * its messages, its history line and its audit row commit together or not at all.
 */
@Injectable()
export class BookingService {
  constructor(
    private readonly config: AppConfig,
    private readonly scheduling: SchedulingService,
    private readonly repo: SchedulingRepository,
    private readonly visits: VisitsRepository,
    private readonly visitsService: VisitsService,
    private readonly join: JoinService,
    private readonly patients: PatientsService,
    private readonly patientRows: PatientsRepository,
    private readonly vault: PatientVault,
    private readonly keyring: Keyring,
    private readonly practices: PracticesService,
    private readonly users: UsersRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly history: VisitHistory,
    private readonly messages: MessageScheduler,
    private readonly queue: QueueService,
    private readonly publisher: RealtimePublisher,
    private readonly db: Db,
  ) {}

  // ---- staff ----

  async bookByStaff(actor: Actor, input: StaffBookingRequest): Promise<VisitWithLink> {
    const doctorId = await this.access.queueDoctorId(actor, input.doctorId);
    const existing = input.patientId ? await this.access.patient(actor, input.patientId, 'care') : null;
    const rules = await this.scheduling.rulesOf(doctorId, actor.practiceId);
    const type = await this.scheduling.offeredType(rules, input.visitTypeId, 'staff');
    const slot = await this.scheduling.requireSlot(rules, type, new Date(input.start), 'staff');
    const { visitId, token, joinExpiresAt } = await this.insert({
      practiceId: actor.practiceId, rules, type, slot, bookedBy: 'staff', by: byUser(actor), reason: null, contactConsent: false, language: null, timeZone: rules.timeZone,
      patient: async () => existing?.id ?? (await this.patients.forNewVisit(actor, input.patient as never)).patientId,
    });
    return this.visitsService.withLink(await this.visitsService.load(visitId), token, joinExpiresAt);
  }

  async rescheduleByStaff(actor: Actor, visitId: string, start: string): Promise<VisitView> {
    const visit = await this.access.visit(actor, visitId, 'manage');
    await this.move(visit, new Date(start), 'staff', byUser(actor));
    return this.visitsService.view(await this.visitsService.load(visit.id));
  }

  /** The week view: a doctor's visits between two local dates, with their slot, type and the patient's reason. */
  async schedule(actor: Actor, doctorId: string, from: string, to: string): Promise<ScheduleView> {
    this.access.requireRole(actor, ['doctor', 'assistant', 'admin']);
    const doctor = await this.access.doctor(actor, doctorId);
    if (daysBetween(from, to) + 1 > 62) throw new SchedulingException('RANGE_TOO_LONG');
    const rules = await this.scheduling.rulesOf(doctor.id, doctor.practiceId);
    const rows = await this.repo.schedule(doctor.id, new Date(zonedToUtc(from, 0, rules.timeZone)), new Date(zonedToUtc(addDays(to, 1), 0, rules.timeZone)));
    const bookings = new Map((await this.repo.bookings(rows.map((r) => r.id))).map((b) => [b.visitId, b]));
    const types = new Map((await this.repo.allVisitTypesIncludingArchived(doctor.practiceId)).map((t) => [t.id, t]));
    await this.audit.recordAccess({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'schedule.viewed', detail: { doctorId: doctor.id, from, to } });
    const visits = [];
    for (const v of rows) {
      const booking = bookings.get(v.id);
      const type = v.visitTypeId ? types.get(v.visitTypeId) : undefined;
      visits.push({
        visit: await this.visitsService.view(v),
        endsAt: v.endsAt?.toISOString() ?? null,
        visitType: type ? { id: type.id, name: type.name } : null,
        bookedBy: booking?.bookedBy ?? 'staff',
        reason: booking?.reason ? await this.keyring.decrypt(v.practiceId, reasonPlace(v.id), booking.reason) : null,
      });
    }
    return { doctorId: doctor.id, timeZone: rules.timeZone, visits };
  }

  // ---- the public page ----

  async publicPage(practiceId: string): Promise<PublicBookingPage> {
    const practice = await this.practice(practiceId);
    const doctors = (await this.users.doctorsOf(practiceId)).filter((d) => !d.disabledAt);
    const availabilities = new Map((await this.repo.availabilities(doctors.map((d) => d.id))).map((a) => [a.doctorId, a]));
    const types = (await this.repo.allVisitTypes(practiceId)).filter((t) => t.publicBooking);
    return {
      practiceId, practiceName: practice.name, phone: practice.settings.phone, timeZone: practice.settings.timeZone, language: practice.settings.language,
      doctors: doctors
        .filter((d) => availabilities.get(d.id)?.publicBooking && availabilities.get(d.id)!.weekly.length > 0)
        .map((d) => ({
          id: d.id, displayName: d.displayName, timeZone: availabilities.get(d.id)!.timeZone ?? practice.settings.timeZone,
          visitTypes: types.filter((t) => t.doctorId === null || t.doctorId === d.id).map(toVisitTypeView),
        }))
        .filter((d) => d.visitTypes.length > 0),
    };
  }

  async publicSlots(practiceId: string, doctorId: string, visitTypeId: string, from: string, to: string): Promise<SlotsView> {
    const rules = await this.publicDoctor(practiceId, doctorId);
    return this.scheduling.slots(rules, await this.scheduling.offeredType(rules, visitTypeId, 'patient'), from, to, 'patient');
  }

  async bookOnline(practiceId: string, input: PublicBookingRequest, pageLanguage: Language): Promise<BookingConfirmation> {
    const rules = await this.publicDoctor(practiceId, input.doctorId);
    const type = await this.scheduling.offeredType(rules, input.visitTypeId, 'patient');
    const slot = await this.scheduling.requireSlot(rules, type, new Date(input.start), 'patient');
    const language = input.language ?? pageLanguage;
    const typed = { firstName: input.firstName, lastName: input.lastName, birthDate: input.birthDate, phone: input.phone, email: input.email, preferredLanguage: language };
    const { token } = await this.insert({
      practiceId, rules, type, slot, bookedBy: 'patient', by: { type: 'patient', id: null }, reason: input.reason || null, contactConsent: true, language, timeZone: input.timeZone ?? rules.timeZone,
      patient: async () => (await this.patients.forPublicBooking(practiceId, typed)).patientId,
    });
    const practice = await this.practices.view(practiceId);
    const doctor = (await this.users.findById(rules.doctorId))!;
    return {
      start: new Date(slot.start).toISOString(), end: new Date(slot.end).toISOString(), timeZone: input.timeZone ?? rules.timeZone,
      doctorName: doctor.displayName, practiceName: practice.name, visitTypeName: type.name,
      joinUrl: `${this.config.publicUrl}/join/${token}`,
      sentTo: [...(input.email ? [maskEmail(input.email)] : []), ...(input.phone ? [maskPhone(input.phone)] : [])],
    };
  }

  // ---- the patient's link ----

  async joinBooking(token: string): Promise<JoinBooking> {
    return this.bookingOf(await this.join.resolve(token));
  }

  async joinSlots(token: string, from: string, to: string): Promise<SlotsView> {
    const visit = await this.changeable(await this.join.resolve(token));
    const rules = await this.scheduling.rulesOf(visit.doctorId, visit.practiceId);
    const type = await this.repo.visitType(visit.practiceId, visit.visitTypeId!);
    return this.scheduling.slots(rules, type!, from, to, 'patient', visit.id);
  }

  async rescheduleByPatient(token: string, start: string): Promise<JoinBooking> {
    const visit = await this.changeable(await this.join.resolve(token));
    await this.move(visit, new Date(start), 'patient', { type: 'patient', id: visit.patientId });
    return this.bookingOf(await this.visitsService.load(visit.id));
  }

  async cancelByPatient(token: string): Promise<JoinBooking> {
    const visit = await this.changeable(await this.join.resolve(token));
    await this.db.transaction(async () => {
      const cancelled = await this.visits.transition(visit.id, ['scheduled'], { status: 'cancelled', endedAt: new Date(), endedBy: 'patient' });
      if (!cancelled) throw new VisitException(VisitExceptionCode.VISIT_CLOSED);
      await this.messages.visitCancelled({ ...visit, patient: await this.vault.open(visit.patient) });
      await this.history.record({ visit, kind: 'cancelled', by: { type: 'patient', id: visit.patientId }, detail: { by: 'patient' } });
      await this.audit.record({ actorType: 'patient', actorId: visit.patientId, practiceId: visit.practiceId, action: 'visit.cancelled', visitId: visit.id, detail: { by: 'patient' } });
    });
    this.messages.wake();
    this.publisher.toVisit(visit.id, 'visit.ended', { visitId: visit.id, endedBy: 'patient' });
    this.publisher.toDoctor(visit.doctorId, 'visit.ended', { visitId: visit.id, endedBy: 'patient' });
    this.publisher.disconnectVisit(visit.id);
    void this.queue.publish(visit.doctorId);
    return this.bookingOf(await this.visitsService.load(visit.id));
  }

  // ---- shared ----

  private async insert(b: NewBooking): Promise<{ visitId: string; token: string; joinExpiresAt: Date }> {
    const token = randomToken();
    const scheduledAt = new Date(b.slot.start);
    const joinExpiresAt = this.visitsService.joinExpiry(scheduledAt);
    try {
      const visitId = await this.db.transaction(async () => {
        const patientId = await b.patient();
        const id = await this.visits.create({
          practiceId: b.practiceId, doctorId: b.rules.doctorId, patientId, status: 'scheduled', scheduledAt, endsAt: new Date(b.slot.end), visitTypeId: b.type.id,
          joinTokenHash: hashToken(token), joinExpiresAt,
        });
        const patient = await this.vault.open((await this.patientRows.findById(patientId))!);
        await this.repo.insertBooking({
          visitId: id, practiceId: b.practiceId, createdAt: new Date(), bookedBy: b.bookedBy,
          reason: b.reason ? await this.keyring.encrypt(b.practiceId, reasonPlace(id), b.reason) : null,
          contactConsentAt: b.contactConsent ? new Date() : null, language: b.language ?? patient.preferredLanguage, timeZone: b.timeZone,
        });
        await this.messages.visitCreated({ id, practiceId: b.practiceId, scheduledAt, patient }, token);
        const by = b.by.type === 'patient' ? { type: 'patient' as const, id: patientId } : b.by;
        await this.history.record({ visit: { id, practiceId: b.practiceId }, kind: 'booked', by, detail: { by: b.bookedBy, scheduledAt: scheduledAt.toISOString(), visitTypeId: b.type.id } });
        await this.audit.record({ actorType: by.type, actorId: by.id, practiceId: b.practiceId, action: 'visit.booked', visitId: id, detail: { patientId, doctorId: b.rules.doctorId, visitTypeId: b.type.id, by: b.bookedBy } });
        return id;
      });
      this.messages.wake();
      void this.queue.publish(b.rules.doctorId);
      return { visitId, token, joinExpiresAt };
    } catch (error) {
      if (isSlotTaken(error)) throw new SchedulingException('SLOT_TAKEN');
      throw error;
    }
  }

  /** Moves a booked, still scheduled visit to another free slot of its doctor and type (its own slot does not count as taken). */
  private async move(visit: VisitEntity, start: Date, booker: 'staff' | 'patient', by: { type: 'user' | 'patient'; id: string }): Promise<void> {
    if (isClosed(visit.status)) throw new VisitException(VisitExceptionCode.VISIT_CLOSED);
    if (!visit.visitTypeId || !visit.endsAt || visit.status !== 'scheduled') throw new SchedulingException('NOT_A_BOOKING');
    const rules = await this.scheduling.rulesOf(visit.doctorId, visit.practiceId);
    const type = (await this.repo.visitType(visit.practiceId, visit.visitTypeId))!;
    const slot = await this.scheduling.requireSlot(rules, type, start, booker, visit.id);
    const from = visit.scheduledAt;
    const to = new Date(slot.start);
    try {
      await this.db.transaction(async () => {
        if (!(await this.repo.move(visit.id, to, new Date(slot.end), this.visitsService.joinExpiry(to)))) throw new SchedulingException('NOT_A_BOOKING');
        await this.messages.visitRescheduled({ id: visit.id, practiceId: visit.practiceId, scheduledAt: to, patient: await this.vault.open(visit.patient) });
        await this.history.record({ visit, kind: 'moved', by, detail: { from: from.toISOString(), to: to.toISOString(), by: booker } });
        await this.audit.record({ actorType: by.type, actorId: by.id, practiceId: visit.practiceId, action: 'visit.rescheduled', visitId: visit.id, detail: { from: from.toISOString(), to: to.toISOString() } });
      });
    } catch (error) {
      if (isSlotTaken(error)) throw new SchedulingException('SLOT_TAKEN');
      throw error;
    }
    this.messages.wake();
    void this.queue.publish(visit.doctorId);
  }

  /** The link's visit if the patient may still change it online (booked, scheduled, before the practice's limit). */
  private async changeable(visit: VisitEntity): Promise<VisitEntity> {
    if (isClosed(visit.status)) throw new VisitException(VisitExceptionCode.VISIT_CLOSED);
    if (!visit.visitTypeId || !visit.endsAt || visit.status !== 'scheduled') throw new SchedulingException('NOT_A_BOOKING');
    if (Date.now() > (await this.changeUntil(visit)).getTime()) throw new SchedulingException('CHANGE_TOO_LATE');
    return visit;
  }

  private async changeUntil(visit: VisitEntity): Promise<Date> {
    const hours = (await this.practices.view(visit.practiceId)).settings.patientChangeMinHours;
    return new Date(visit.scheduledAt.getTime() - hours * HOUR);
  }

  private async bookingOf(visit: VisitEntity): Promise<JoinBooking> {
    const practice = await this.practices.view(visit.practiceId);
    const booking = await this.repo.booking(visit.id);
    const type = visit.visitTypeId ? await this.repo.visitType(visit.practiceId, visit.visitTypeId) : null;
    const bookable = !!visit.visitTypeId && !!visit.endsAt;
    const until = bookable ? await this.changeUntil(visit) : null;
    return {
      start: visit.scheduledAt.toISOString(), end: visit.endsAt?.toISOString() ?? null,
      timeZone: booking?.timeZone ?? practice.settings.timeZone, doctorName: visit.doctor.displayName, practiceName: practice.name, practicePhone: practice.settings.phone,
      visitTypeName: type?.name ?? null, changeUntil: until?.toISOString() ?? null,
      canChange: bookable && visit.status === 'scheduled' && !!until && Date.now() <= until.getTime(), status: visit.status,
    };
  }

  private async practice(practiceId: string) {
    try {
      return await this.practices.view(practiceId);
    } catch {
      throw new SchedulingException('BOOKING_NOT_FOUND');
    }
  }

  /** A doctor of the practice who takes bookings online (else the page does not exist). */
  private async publicDoctor(practiceId: string, doctorId: string): Promise<DoctorRules> {
    await this.practice(practiceId);
    const doctor: UserEntity | null = await this.users.findById(doctorId);
    if (!doctor || doctor.practiceId !== practiceId || doctor.role !== 'doctor' || doctor.disabledAt) throw new SchedulingException('BOOKING_NOT_FOUND');
    const rules = await this.scheduling.rulesOf(doctor.id, practiceId);
    if (!rules.availability.publicBooking) throw new SchedulingException('BOOKING_NOT_FOUND');
    return rules;
  }
}
