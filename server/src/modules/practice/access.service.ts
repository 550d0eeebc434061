import { Injectable } from '@nestjs/common';
import type { UserRole } from '@visite/contracts';
import { AuthException, AuthExceptionCode } from '../auth/auth.exception';
import type { UserEntity } from '../auth/user.entity';
import type { BillingBatchEntity } from '../billing/billing-batch.entity';
import type { BillingLineEntity } from '../billing/billing-line.entity';
import { BillingException, BillingExceptionCode } from '../billing/billing.exception';
import type { PatientEntity } from '../patients/patient.entity';
import { VisitException, VisitExceptionCode } from '../visits/visit.exception';
import type { VisitEntity } from '../visits/visit.entity';
import { AccessException, AccessExceptionCode } from './access.exception';
import { AccessRepository } from './access.repository';
import type { Actor } from './actor';

/**
 * What a visit is loaded for:
 * - `view`, `manage`: the queue and the schedule (the visit's doctor, or an assistant of that doctor);
 * - `call`: admit the patient, enter the media room, end the consultation (the visit's doctor only);
 * - `code`: the doctor's coding at the end of the visit (the visit's doctor only);
 * - `bill`: billing staff's corrections (roles billing and admin);
 * - `clinical`: read the visit's clinical content (notes, documents): the practice's doctors (any doctor
 *   of the practice, for continuity of care), never assistants, billing or admin staff (docs/call.md).
 */
export type VisitPurpose = 'view' | 'manage' | 'call' | 'code' | 'bill' | 'clinical';
export type PatientPurpose = 'care' | 'bill';

const BILLING: readonly UserRole[] = ['billing', 'admin'];
const CARE: readonly UserRole[] = ['doctor', 'assistant'];

/**
 * The one access helper every service method starts with. It loads a visit, patient, line, batch or
 * staff account only within the actor's practice (another practice's id is "not found", so existence
 * does not leak), then applies the role rules:
 * - doctor: their own visits; assistant: the visits of the doctors they assist, never a call;
 * - billing (and admin): billing lines, batches, billing corrections; admin: staff and settings.
 */
@Injectable()
export class AccessService {
  constructor(private readonly repo: AccessRepository) {}

  async actorOf(user: UserEntity): Promise<Actor> {
    return {
      userId: user.id,
      practiceId: user.practiceId,
      role: user.role,
      displayName: user.displayName,
      assists: user.role === 'assistant' ? await this.repo.assistedDoctorIds(user.id) : [],
    };
  }

  requireRole(actor: Actor, roles: readonly UserRole[]): void {
    if (!roles.includes(actor.role)) throw new AuthException(AuthExceptionCode.FORBIDDEN_ROLE);
  }

  async visit(actor: Actor, visitId: string, purpose: VisitPurpose): Promise<VisitEntity> {
    const visit = await this.repo.visit(actor.practiceId, visitId);
    if (!visit) throw new VisitException(VisitExceptionCode.VISIT_NOT_FOUND);
    if (purpose === 'bill') {
      this.requireRole(actor, BILLING);
      return visit;
    }
    if (purpose === 'clinical') {
      if (actor.role !== 'doctor') throw new AccessException(AccessExceptionCode.CLINICAL_STAFF_ONLY);
      return visit;
    }
    if (actor.role === 'doctor') {
      if (visit.doctorId !== actor.userId) throw new VisitException(VisitExceptionCode.NOT_YOUR_VISIT);
      return visit;
    }
    if (actor.role === 'assistant') {
      if (!actor.assists.includes(visit.doctorId)) throw new VisitException(VisitExceptionCode.NOT_YOUR_VISIT);
      if (purpose === 'call' || purpose === 'code') throw new AccessException(AccessExceptionCode.ASSISTANT_CANNOT_JOIN);
      return visit;
    }
    throw new AuthException(AuthExceptionCode.FORBIDDEN_ROLE);
  }

  async patient(actor: Actor, patientId: string, purpose: PatientPurpose): Promise<PatientEntity> {
    const patient = await this.repo.patient(actor.practiceId, patientId);
    if (!patient) throw new AccessException(AccessExceptionCode.PATIENT_NOT_FOUND);
    this.requireRole(actor, purpose === 'bill' ? BILLING : CARE);
    return patient;
  }

  /** Roles allowed to use the patient directory (search, patient pages). */
  requireCare(actor: Actor): void {
    this.requireRole(actor, CARE);
  }

  async line(actor: Actor, lineId: string): Promise<BillingLineEntity> {
    const line = await this.repo.line(actor.practiceId, lineId);
    if (!line) throw new BillingException(BillingExceptionCode.LINE_NOT_FOUND);
    this.requireRole(actor, BILLING);
    return line;
  }

  async batch(actor: Actor, batchId: string): Promise<BillingBatchEntity> {
    const batch = await this.repo.batch(actor.practiceId, batchId);
    if (!batch) throw new BillingException(BillingExceptionCode.BATCH_NOT_FOUND);
    this.requireRole(actor, BILLING);
    return batch;
  }

  /** A doctor of the actor's practice (an assistant: one they assist). */
  async doctor(actor: Actor, doctorId: string): Promise<UserEntity> {
    const doctor = await this.repo.user(actor.practiceId, doctorId);
    if (!doctor || doctor.role !== 'doctor') throw new AccessException(AccessExceptionCode.DOCTOR_NOT_FOUND);
    if (actor.role === 'assistant' && !actor.assists.includes(doctor.id)) throw new AccessException(AccessExceptionCode.NOT_YOUR_DOCTOR);
    if (actor.role === 'doctor' && doctor.id !== actor.userId) throw new AccessException(AccessExceptionCode.NOT_YOUR_DOCTOR);
    return doctor;
  }

  /**
   * Whose queue and schedule the actor works on: a doctor their own; an assistant the doctor they name
   * (or the only one they assist). Other roles have no queue.
   */
  async queueDoctorId(actor: Actor, doctorId: string | undefined): Promise<string> {
    this.requireRole(actor, CARE);
    if (actor.role === 'doctor') {
      if (doctorId && doctorId !== actor.userId) {
        await this.doctor(actor, doctorId);
      }
      return actor.userId;
    }
    if (!doctorId) {
      if (actor.assists.length === 1) return actor.assists[0]!;
      throw new AccessException(actor.assists.length === 0 ? AccessExceptionCode.NOT_YOUR_DOCTOR : AccessExceptionCode.DOCTOR_REQUIRED);
    }
    return (await this.doctor(actor, doctorId)).id;
  }

  /** A staff account of the actor's practice, for an admin. */
  async staff(actor: Actor, userId: string): Promise<UserEntity> {
    const user = await this.repo.user(actor.practiceId, userId);
    if (!user) throw new AccessException(AccessExceptionCode.STAFF_NOT_FOUND);
    this.requireRole(actor, ['admin']);
    return user;
  }
}
