import { Injectable } from '@nestjs/common';
import { countsTowardTeleconsultationShare, evaluateLine } from '@visite/billing';
import type {
  BillingLineInput, BillingLineState, Evaluation, LineCoding, LineContext, PatientBilling, PractitionerBilling, VisitFacts,
} from '@visite/contracts';
import { PracticesService } from '../practice/practices.service';
import { isoDateIn } from '../../common/time/day-bounds';
import type { Patient } from '../patients/patient';
import type { VisitEntity } from '../visits/visit.entity';
import type { BillingLineEntity } from './billing-line.entity';
import type { BillingProfileEntity } from './billing-profile.entity';
import { BillingLinesRepository } from './billing-lines.repository';

/** A line's evaluation, with what the database stores beside it. */
export interface EvaluatedLine {
  input: BillingLineInput;
  evaluation: Evaluation;
  state: BillingLineState;
  fields: Pick<
    BillingLineEntity,
    'code' | 'totalCents' | 'input' | 'results' | 'countsTowardShare' | 'te2RequesterRpps' | 'feeTableVersion' | 'rulesVersion' | 'state' | 'dateOfService'
  >;
}

/**
 * Builds the frozen input of a billed line from the database (practitioner profile, patient identity,
 * what the visit was) and runs the rules of `@visite/billing` on it, with the counts F7 and F13 need.
 */
@Injectable()
export class LineEvaluator {
  constructor(
    private readonly practices: PracticesService,
    private readonly lines: BillingLinesRepository,
  ) {}

  /** The date of service is the visit's day on the wall clock of its practice. */
  async visitFacts(visit: VisitEntity): Promise<VisitFacts> {
    const at = visit.startedAt ?? visit.endedAt ?? visit.scheduledAt;
    return { visitId: visit.id, dateOfService: isoDateIn(at, await this.practices.timeZone(visit.practiceId)), modality: visit.modality };
  }

  async currentYear(practiceId: string): Promise<number> {
    return Number(isoDateIn(new Date(), await this.practices.timeZone(practiceId)).slice(0, 4));
  }

  /**
   * F7 and F13 counts: the other visits' lines, plus this one when `coding` is given and it counts.
   * Without a coding (the coding screen before a choice) this line is assumed to count: the rules only
   * read these numbers for lines that do.
   */
  async context(visit: VisitEntity, profile: BillingProfileEntity, patient: Patient, coding: LineCoding | null): Promise<LineContext> {
    const facts = await this.visitFacts(visit);
    const year = Number(facts.dateOfService.slice(0, 4));
    const practitioner = practitionerBilling(profile);
    const patientBilling = patientBillingOf(patient);
    const counts = coding ? countsTowardTeleconsultationShare({ practitioner, patient: patientBilling, coding }) : true;
    const others = await this.lines.countShare(visit.doctorId, year, visit.id);
    const context: LineContext = {
      teleconsultationShare: { year, countable: others + (counts ? 1 : 0), declaredTotalActs: profile.declaredActsYear === year ? profile.declaredActsTotal : null },
    };
    const requester = coding?.otherProfessionalRpps;
    if (coding?.code === 'TE2' && requester) context.te2CountForPatientAndRequester = (await this.lines.countTe2(patient.id, requester, year, visit.id)) + 1;
    return context;
  }

  async evaluate(visit: VisitEntity, patient: Patient, profile: BillingProfileEntity, coding: LineCoding): Promise<EvaluatedLine> {
    const input: BillingLineInput = {
      practitioner: practitionerBilling(profile),
      patient: patientBillingOf(patient),
      visit: await this.visitFacts(visit),
      coding,
      context: await this.context(visit, profile, patient, coding),
    };
    const evaluation = evaluateLine(input);
    const state = stateOf(evaluation);
    return {
      input,
      evaluation,
      state,
      fields: {
        code: coding.code,
        totalCents: totalOf(coding),
        input,
        results: evaluation.results,
        countsTowardShare: countsTowardTeleconsultationShare(input),
        te2RequesterRpps: coding.code === 'TE2' ? coding.otherProfessionalRpps : null,
        feeTableVersion: evaluation.feeTableVersion,
        rulesVersion: evaluation.rulesVersion,
        state,
        dateOfService: input.visit.dateOfService,
      },
    };
  }
}

/** Errors block; warnings wait for a biller's acknowledgement (a new evaluation asks again). */
export function stateOf(evaluation: Pick<Evaluation, 'hasErrors' | 'hasWarnings'>): BillingLineState {
  if (evaluation.hasErrors) return 'blocked';
  return evaluation.hasWarnings ? 'to_review' : 'ready';
}

export function totalOf(coding: Pick<LineCoding, 'amountCents' | 'addOns' | 'extraFeeCents'>): number {
  return coding.amountCents + coding.addOns.reduce((sum, a) => sum + a.amountCents, 0) + coding.extraFeeCents;
}

export function practitionerBilling(profile: BillingProfileEntity): PractitionerBilling {
  const { rpps, amNumber, profession, specialty, sector, optam, firstName, lastName } = profile;
  return { rpps, amNumber, profession, specialty, sector, optam, firstName, lastName };
}

export function patientBillingOf(patient: Patient): PatientBilling {
  return {
    firstName: patient.firstName,
    lastName: patient.lastName,
    birthDate: patient.birthDate,
    sex: patient.sex,
    ins: patient.ins,
    insOid: patient.insOid,
    identityStatus: patient.identityStatus,
    insuredNir: patient.insuredNir,
    beneficiaryRank: patient.beneficiaryRank,
    regularDoctorRpps: patient.regularDoctorRpps,
  };
}
