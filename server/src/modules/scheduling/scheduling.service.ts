import { Injectable } from '@nestjs/common';
import {
  DEFAULT_HORIZON_DAYS, DEFAULT_MIN_NOTICE_MINUTES, MAX_SLOT_DAYS,
  type AbsenceInput, type AbsenceView, type AvailabilityInput, type AvailabilityView, type SlotsView, type VisitTypeInput, type VisitTypeView,
} from '@visite/contracts';
import { absenceEndsAfterStart, addDays, checkSlot, computeSlots, daysBetween, hoursProblem, localDateOf, zonedToUtc, type Interval, type SlotRules } from '@visite/scheduling';
import { Db } from '../../database/db';
import { AuditService } from '../audit/audit.service';
import type { UserEntity } from '../auth/user.entity';
import { AccessService } from '../practice/access.service';
import type { Actor } from '../practice/actor';
import { PracticesService } from '../practice/practices.service';
import type { AbsenceEntity } from './absence.entity';
import type { DoctorAvailabilityEntity } from './doctor-availability.entity';
import { SchedulingException } from './scheduling.exception';
import { SchedulingRepository } from './scheduling.repository';
import type { VisitTypeEntity } from './visit-type.entity';

const EDITORS = ['doctor', 'assistant', 'admin'] as const;
const DAY = 86_400_000;

/** A doctor's booking rules as the slot computation reads them. */
export interface DoctorRules {
  doctorId: string;
  practiceId: string;
  timeZone: string;
  availability: Pick<DoctorAvailabilityEntity, 'weekly' | 'horizonDays' | 'minNoticeMinutes' | 'publicBooking'>;
}

/** Who asks for slots: a patient online (the notice applies) or staff (they may book up to now). */
export type Booker = 'patient' | 'staff';

/**
 * Availability (opening hours, visit types, absences) and the slots computed from it. Doctors edit their
 * own, assistants those of the doctors they assist, admins anyone's and the practice's (practice-wide
 * visit types and closures). Every change is audited in its transaction.
 */
@Injectable()
export class SchedulingService {
  constructor(
    private readonly repo: SchedulingRepository,
    private readonly practices: PracticesService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly db: Db,
  ) {}

  // ---- availability ----

  async availability(actor: Actor, doctorId: string): Promise<AvailabilityView> {
    const doctor = await this.editable(actor, doctorId);
    return this.view(doctor);
  }

  async setAvailability(actor: Actor, doctorId: string, input: AvailabilityInput): Promise<AvailabilityView> {
    const doctor = await this.editable(actor, doctorId);
    const weekly = [...input.weekly].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
    const problem = hoursProblem(input.weekly);
    if (problem) throw new SchedulingException(problem.code);
    await this.db.transaction(async () => {
      await this.repo.saveAvailability({
        doctorId: doctor.id, practiceId: actor.practiceId, timeZone: input.timeZone ?? null, weekly,
        horizonDays: input.horizonDays ?? DEFAULT_HORIZON_DAYS, minNoticeMinutes: input.minNoticeMinutes ?? DEFAULT_MIN_NOTICE_MINUTES, publicBooking: input.publicBooking ?? true,
      });
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'availability.updated', detail: { doctorId: doctor.id, ranges: weekly.length } });
    });
    return this.view(doctor);
  }

  // ---- visit types ----

  async visitTypes(actor: Actor, doctorId?: string): Promise<VisitTypeView[]> {
    this.access.requireRole(actor, EDITORS);
    if (doctorId) return (await this.repo.visitTypesOf(actor.practiceId, (await this.editable(actor, doctorId)).id)).map(toVisitTypeView);
    const all = await this.repo.allVisitTypes(actor.practiceId);
    const mine = (t: VisitTypeEntity) =>
      actor.role === 'admin' || t.doctorId === null || (actor.role === 'doctor' ? t.doctorId === actor.userId : actor.assists.includes(t.doctorId));
    return all.filter(mine).map(toVisitTypeView);
  }

  async createVisitType(actor: Actor, input: VisitTypeInput): Promise<VisitTypeView> {
    const doctorId = await this.owner(actor, input.doctorId ?? null);
    return this.db.transaction(async () => {
      const row = await this.repo.insertVisitType({
        practiceId: actor.practiceId, doctorId, name: input.name, kind: input.kind ?? 'other', durationMinutes: input.durationMinutes, publicBooking: input.publicBooking ?? true, archivedAt: null,
      });
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'visit_type.created', detail: { visitTypeId: row.id, doctorId } });
      return toVisitTypeView(row);
    });
  }

  async updateVisitType(actor: Actor, id: string, input: Omit<VisitTypeInput, 'doctorId'>): Promise<VisitTypeView> {
    const type = await this.editableType(actor, id);
    await this.db.transaction(async () => {
      await this.repo.updateVisitType(type.id, { name: input.name, kind: input.kind ?? 'other', durationMinutes: input.durationMinutes, publicBooking: input.publicBooking ?? true });
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'visit_type.updated', detail: { visitTypeId: type.id } });
    });
    return toVisitTypeView((await this.repo.visitType(actor.practiceId, id))!);
  }

  /** Archived, not deleted: visits booked with it keep it. */
  async archiveVisitType(actor: Actor, id: string): Promise<void> {
    const type = await this.editableType(actor, id);
    await this.db.transaction(async () => {
      await this.repo.updateVisitType(type.id, { archivedAt: new Date() });
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'visit_type.archived', detail: { visitTypeId: type.id } });
    });
  }

  // ---- absences ----

  async createAbsence(actor: Actor, input: AbsenceInput): Promise<AbsenceView> {
    const doctorId = await this.owner(actor, input.doctorId ?? null);
    if (!absenceEndsAfterStart(input)) throw new SchedulingException('ABSENCE_END_BEFORE_START');
    return this.db.transaction(async () => {
      const row = await this.repo.insertAbsence({
        practiceId: actor.practiceId, doctorId, startDate: input.startDate, endDate: input.endDate, startTime: input.startTime ?? null, endTime: input.endTime ?? null, label: input.label || null, createdBy: actor.userId,
      });
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'absence.created', detail: { absenceId: row.id, doctorId } });
      return toAbsenceView(row);
    });
  }

  async deleteAbsence(actor: Actor, id: string): Promise<void> {
    this.access.requireRole(actor, EDITORS);
    const row = await this.repo.absence(actor.practiceId, id);
    if (!row) throw new SchedulingException('ABSENCE_NOT_FOUND');
    await this.owner(actor, row.doctorId);
    await this.db.transaction(async () => {
      await this.repo.deleteAbsence(row.id);
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'absence.deleted', detail: { absenceId: row.id, doctorId: row.doctorId } });
    });
  }

  // ---- slots ----

  /** Staff's view of a doctor's slots (no notice: staff may book a slot starting now). */
  async staffSlots(actor: Actor, doctorId: string, visitTypeId: string, from: string, to: string): Promise<SlotsView> {
    const doctor = await this.editable(actor, doctorId);
    const rules = await this.rulesOf(doctor.id, doctor.practiceId);
    return this.slots(rules, await this.offeredType(rules, visitTypeId, 'staff'), from, to, 'staff');
  }

  /** The doctor's rules: their availability (closed when none) and their zone. */
  async rulesOf(doctorId: string, practiceId: string): Promise<DoctorRules> {
    const [row, practiceZone] = await Promise.all([this.repo.availability(doctorId), this.practices.timeZone(practiceId)]);
    return {
      doctorId, practiceId, timeZone: row?.timeZone ?? practiceZone,
      availability: row ?? { weekly: [], horizonDays: DEFAULT_HORIZON_DAYS, minNoticeMinutes: DEFAULT_MIN_NOTICE_MINUTES, publicBooking: false },
    };
  }

  /** A live type the doctor offers (their own or the practice's; online: one offered online). */
  async offeredType(rules: DoctorRules, visitTypeId: string, booker: Booker): Promise<VisitTypeEntity> {
    const type = await this.repo.visitType(rules.practiceId, visitTypeId);
    if (!type) throw new SchedulingException('VISIT_TYPE_NOT_FOUND');
    if (type.archivedAt || (type.doctorId !== null && type.doctorId !== rules.doctorId) || (booker === 'patient' && !type.publicBooking)) {
      throw new SchedulingException('VISIT_TYPE_NOT_OFFERED');
    }
    return type;
  }

  /** Slots between the local dates `from` and `to` (inclusive) in the doctor's zone. */
  async slots(rules: DoctorRules, type: VisitTypeEntity, from: string, to: string, booker: Booker, exceptVisitId?: string): Promise<SlotsView> {
    if (daysBetween(from, to) + 1 > MAX_SLOT_DAYS) throw new SchedulingException('RANGE_TOO_LONG');
    const start = zonedToUtc(from, 0, rules.timeZone);
    const end = zonedToUtc(addDays(to, 1), 0, rules.timeZone);
    const slotRules = await this.slotRules(rules, type, booker, { start, end }, exceptVisitId);
    const slots = computeSlots(slotRules, start, end, Date.now());
    return {
      doctorId: rules.doctorId, visitTypeId: type.id, timeZone: rules.timeZone,
      slots: slots.map((s) => ({ start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString() })),
    };
  }

  /** Whether `start` is a free slot of the doctor for this type now; the slot, or the refusal's code. */
  async requireSlot(rules: DoctorRules, type: VisitTypeEntity, start: Date, booker: Booker, exceptVisitId?: string): Promise<Interval> {
    const around = { start: start.getTime() - DAY, end: start.getTime() + DAY };
    const checked = checkSlot(await this.slotRules(rules, type, booker, around, exceptVisitId), start.getTime(), Date.now());
    if (!checked.ok) throw new SchedulingException(checked.reason);
    return checked.slot;
  }

  private async slotRules(rules: DoctorRules, type: VisitTypeEntity, booker: Booker, window: Interval, exceptVisitId?: string): Promise<SlotRules> {
    const fromDate = addDays(localDateOf(window.start, rules.timeZone), -1);
    const toDate = addDays(localDateOf(window.end, rules.timeZone), 1);
    const [absences, busy] = await Promise.all([
      this.repo.absencesOf(rules.practiceId, rules.doctorId, fromDate, toDate),
      this.repo.busy(rules.doctorId, new Date(window.start - DAY), new Date(window.end + DAY), exceptVisitId),
    ]);
    return {
      timeZone: rules.timeZone, weekly: rules.availability.weekly, absences, busy, durationMinutes: type.durationMinutes,
      minNoticeMinutes: booker === 'patient' ? rules.availability.minNoticeMinutes : 0, horizonDays: rules.availability.horizonDays,
    };
  }

  // ---- access ----

  /** A doctor whose availability the actor may see and change. */
  private async editable(actor: Actor, doctorId: string): Promise<UserEntity> {
    this.access.requireRole(actor, EDITORS);
    return this.access.doctor(actor, doctorId);
  }

  /** The doctor a type or absence belongs to (checked), or null for the practice's (admins only). */
  private async owner(actor: Actor, doctorId: string | null): Promise<string | null> {
    this.access.requireRole(actor, EDITORS);
    if (doctorId === null) {
      if (actor.role !== 'admin') throw new SchedulingException('PRACTICE_WIDE_ADMIN_ONLY');
      return null;
    }
    return (await this.access.doctor(actor, doctorId)).id;
  }

  private async editableType(actor: Actor, id: string): Promise<VisitTypeEntity> {
    this.access.requireRole(actor, EDITORS);
    const type = await this.repo.visitType(actor.practiceId, id);
    if (!type || type.archivedAt) throw new SchedulingException('VISIT_TYPE_NOT_FOUND');
    await this.owner(actor, type.doctorId);
    return type;
  }

  private async view(doctor: UserEntity): Promise<AvailabilityView> {
    const rules = await this.rulesOf(doctor.id, doctor.practiceId);
    const row = await this.repo.availability(doctor.id);
    const today = localDateOf(Date.now(), rules.timeZone);
    const [types, absences] = await Promise.all([this.repo.visitTypesOf(doctor.practiceId, doctor.id), this.repo.absencesOf(doctor.practiceId, doctor.id, today)]);
    return {
      doctorId: doctor.id, doctorName: doctor.displayName, timeZone: rules.timeZone, ownTimeZone: row?.timeZone ?? null,
      weekly: rules.availability.weekly, horizonDays: rules.availability.horizonDays, minNoticeMinutes: rules.availability.minNoticeMinutes,
      publicBooking: row?.publicBooking ?? true, visitTypes: types.map(toVisitTypeView), absences: absences.map(toAbsenceView),
    };
  }
}

export function toVisitTypeView(t: VisitTypeEntity): VisitTypeView {
  return { id: t.id, doctorId: t.doctorId, name: t.name, kind: t.kind, durationMinutes: t.durationMinutes, publicBooking: t.publicBooking };
}

function toAbsenceView(a: AbsenceEntity): AbsenceView {
  return { id: a.id, doctorId: a.doctorId, startDate: a.startDate, endDate: a.endDate, startTime: a.startTime, endTime: a.endTime, label: a.label };
}
