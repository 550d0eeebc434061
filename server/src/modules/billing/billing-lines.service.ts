import { Injectable } from '@nestjs/common';
import { feesValidOn, proposeCode } from '@visite/billing';
import type {
  BillingLinesPage, BillingLinesQuery, BillingLineView, CodingDraft, IdentityUpdated, LineCoding, ModalityCorrection, PatientIdentityUpdate, RuleResult,
} from '@visite/contracts';
import { BILLING_LINE_STATES, isIsoDate } from '@visite/contracts';
import { Db } from '../../database/db';
import { AuditService } from '../audit/audit.service';
import { AccessService } from '../practice/access.service';
import type { Actor } from '../practice/actor';
import type { Patient } from '../patients/patient';
import type { PatientEntity } from '../patients/patient.entity';
import { PatientVault } from '../patients/patient-vault';
import { PatientsRepository } from '../patients/patients.repository';
import { VisitException, VisitExceptionCode } from '../visits/visit.exception';
import type { VisitEntity } from '../visits/visit.entity';
import { VisitsRepository } from '../visits/visits.repository';
import { BillingException, BillingExceptionCode } from './billing.exception';
import type { BillingLineEntity } from './billing-line.entity';
import type { BillingProfileEntity } from './billing-profile.entity';
import { BillingLinesRepository, LinesCursor } from './billing-lines.repository';
import { BillingProfilesRepository } from './billing-profiles.repository';
import { toLineView } from './billing-view';
import { LineEvaluator, patientBillingOf, practitionerBilling } from './line-evaluator.service';

const DEFAULT_PAGE = 100;
const UNIQUE_VIOLATION = '23505';

/**
 * Billed lines: the doctor codes a completed visit, billing staff review, correct, acknowledge
 * warnings, void and reissue. Every change re-runs the rules and goes into the audit trail.
 */
@Injectable()
export class BillingLinesService {
  constructor(
    private readonly lines: BillingLinesRepository,
    private readonly profiles: BillingProfilesRepository,
    private readonly visits: VisitsRepository,
    private readonly patients: PatientsRepository,
    private readonly evaluator: LineEvaluator,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly db: Db,
    private readonly vault: PatientVault,
  ) {}

  // ---- the doctor, at the end of the visit ----

  async draft(doctor: Actor, visitId: string): Promise<CodingDraft> {
    const visit = await this.ownedCompletedVisit(doctor, visitId);
    const profile = await this.profiles.findByUserId(visit.doctorId);
    const facts = await this.evaluator.visitFacts(visit);
    const line = await this.lines.findOpenByVisit(visit.id);
    const patient = await this.vault.open(visit.patient);
    await this.audit.recordAccess({ actorType: 'user', actorId: doctor.userId, practiceId: doctor.practiceId, action: 'billing.coding_viewed', visitId });
    return {
      visit: { id: visit.id, dateOfService: facts.dateOfService, modality: visit.modality, media: visit.mediaSummary },
      practitioner: profile ? practitionerBilling(profile) : null,
      patient: patientBillingOf(patient),
      context: profile ? await this.evaluator.context(visit, profile, patient, null) : {},
      proposal: proposeCode(profile ? practitionerBilling(profile) : null, visit.modality, facts.dateOfService),
      fees: feesValidOn(facts.dateOfService),
      line: line ? toLineView(line) : null,
    };
  }

  /** Creates the visit's line, or re-codes its open line (not once exported). */
  async codeVisit(doctor: Actor, visitId: string, coding: LineCoding): Promise<BillingLineView> {
    const visit = await this.ownedCompletedVisit(doctor, visitId);
    const existing = await this.lines.findOpenByVisit(visit.id);
    if (existing) return this.recodeLine(doctor, existing, coding, visit);
    const profile = await this.requireProfile(visit.doctorId);
    const evaluated = await this.evaluator.evaluate(visit, await this.vault.open(visit.patient), profile, normalizeCoding(coding));
    let lineId: string;
    try {
      lineId = await this.db.transaction(async () => {
        const id = await this.lines.insert({ ...evaluated.fields, visitId: visit.id, patientId: visit.patientId, doctorId: visit.doctorId, createdBy: doctor.userId, practiceId: visit.practiceId });
        await this.audit.record({ actorType: 'user', actorId: doctor.userId, practiceId: doctor.practiceId, action: 'billing.line_coded', visitId, detail: { lineId: id, code: coding.code, state: evaluated.state } });
        return id;
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new BillingException(BillingExceptionCode.LINE_CHANGED);
      throw error;
    }
    return this.view(lineId);
  }

  async updateIdentityAsDoctor(doctor: Actor, visitId: string, update: PatientIdentityUpdate): Promise<IdentityUpdated> {
    const visit = await this.access.visit(doctor, visitId, 'code');
    return this.updateIdentity(doctor, visit.patient, update, visitId);
  }

  // ---- billing staff ----

  async list(actor: Actor, query: BillingLinesQuery): Promise<BillingLinesPage> {
    this.access.requireRole(actor, ['billing', 'admin']);
    const filter = { practiceId: actor.practiceId, from: query.from, to: query.to, doctorId: query.doctorId };
    const limit = query.limit ?? DEFAULT_PAGE;
    const rows = await this.lines.list({ ...filter, state: query.state }, decodeCursor(query.cursor), limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const counts = await this.lines.countByState(filter);
    return {
      lines: page.map(toLineView),
      nextCursor: rows.length > limit && last ? encodeCursor({ dateOfService: last.dateOfService, id: last.id }) : null,
      counts: Object.fromEntries(BILLING_LINE_STATES.map((s) => [s, counts[s] ?? 0])) as BillingLinesPage['counts'],
    };
  }

  async get(actor: Actor, lineId: string): Promise<BillingLineView> {
    const line = await this.access.line(actor, lineId);
    await this.audit.recordAccess({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'billing.line_viewed', visitId: line.visitId, detail: { lineId } });
    return toLineView(line);
  }

  async recode(actor: Actor, lineId: string, coding: LineCoding): Promise<BillingLineView> {
    return this.recodeLine(actor, await this.access.line(actor, lineId), coding);
  }

  async acknowledge(actor: Actor, lineId: string): Promise<BillingLineView> {
    const line = await this.access.line(actor, lineId);
    if (line.state !== 'to_review') throw new BillingException(line.batchId ? BillingExceptionCode.LINE_EXPORTED : BillingExceptionCode.NOTHING_TO_ACKNOWLEDGE);
    await this.db.transaction(async () => {
      const done = await this.lines.updateEditable(line.id, { state: 'ready', warningsAckBy: actor.userId, warningsAckAt: new Date() });
      if (!done) throw new BillingException(BillingExceptionCode.LINE_CHANGED);
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'billing.warnings_acknowledged', visitId: line.visitId, detail: { lineId, rules: line.results.map((r) => r.rule) } });
    });
    return this.view(line.id);
  }

  async void(actor: Actor, lineId: string, reason: string): Promise<BillingLineView> {
    const line = await this.access.line(actor, lineId);
    if (line.state === 'voided') throw new BillingException(BillingExceptionCode.LINE_VOIDED);
    await this.db.transaction(async () => {
      if (!(await this.lines.void(line.id, actor.userId, reason.trim()))) throw new BillingException(BillingExceptionCode.LINE_CHANGED);
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'billing.line_voided', visitId: line.visitId, detail: { lineId, batchId: line.batchId, reason: reason.trim() } });
    });
    return this.view(line.id);
  }

  /** A corrected copy of a voided exported line, re-evaluated against today's data; it goes into a later batch. */
  async reissue(actor: Actor, lineId: string): Promise<BillingLineView> {
    const line = await this.access.line(actor, lineId);
    if (line.state !== 'voided' || !line.batchId) throw new BillingException(BillingExceptionCode.LINE_NOT_VOIDED_EXPORT);
    if ((await this.lines.isReplaced(line.id)) || (await this.lines.findOpenByVisit(line.visitId))) throw new BillingException(BillingExceptionCode.ALREADY_REISSUED);
    const visit = await this.loadVisit(line.visitId);
    const evaluated = await this.evaluator.evaluate(visit, await this.vault.open(visit.patient), await this.requireProfile(visit.doctorId), line.input.coding);
    let newId: string;
    try {
      newId = await this.db.transaction(async () => {
        const id = await this.lines.insert({ ...evaluated.fields, visitId: visit.id, patientId: visit.patientId, doctorId: visit.doctorId, createdBy: actor.userId, practiceId: visit.practiceId, replacesLineId: line.id });
        await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'billing.line_reissued', visitId: line.visitId, detail: { lineId: id, replaces: line.id } });
        return id;
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new BillingException(BillingExceptionCode.ALREADY_REISSUED);
      throw error;
    }
    return this.view(newId);
  }

  async updateIdentityAsBiller(actor: Actor, patientId: string, update: PatientIdentityUpdate): Promise<IdentityUpdated> {
    const patient = await this.access.patient(actor, patientId, 'bill');
    return this.updateIdentity(actor, patient, update, null);
  }

  async correctModality(actor: Actor, visitId: string, correction: ModalityCorrection): Promise<{ lines: BillingLineView[] }> {
    const visit = await this.access.visit(actor, visitId, 'bill');
    if (visit.status !== 'completed') throw new BillingException(BillingExceptionCode.VISIT_NOT_COMPLETED);
    const reason = correction.reason.trim();
    return this.db.transaction(async () => {
      await this.visits.recordModality(visit.id, { modality: correction.modality, modalitySource: 'biller', modalityReason: reason });
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'billing.modality_recorded', visitId, detail: { from: visit.modality, to: correction.modality, reason } });
      return { lines: await this.reevaluateEditable('visit_id', visit.id) };
    });
  }

  /** Re-runs the rules on every open line of a doctor (after their billing profile changed). */
  async reevaluateDoctor(doctorId: string): Promise<void> {
    await this.reevaluateEditable('doctor_id', doctorId);
  }

  // ---- shared ----

  private async updateIdentity(actor: Actor, row: PatientEntity, update: PatientIdentityUpdate, visitId: string | null): Promise<IdentityUpdated> {
    const patient = await this.vault.open(row);
    const identity = normalizeIdentity(update);
    const changed = (Object.keys(identity) as (keyof typeof identity)[]).filter((k) => identity[k] !== patient[k]);
    return this.db.transaction(async () => {
      await this.patients.update(patient.id, await this.vault.seal(patient.practiceId, patient.id, identity));
      // Which fields changed, not their values: the audit trail does not copy identifiers around.
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'billing.patient_identity_updated', visitId, detail: { patientId: patient.id, fields: changed } });
      const lines = await this.reevaluateEditable('patient_id', patient.id);
      return { patient: patientBillingOf(Object.assign(patient, identity)), lines };
    });
  }

  private async recodeLine(actor: Actor, line: BillingLineEntity, coding: LineCoding, loadedVisit?: VisitEntity): Promise<BillingLineView> {
    if (line.batchId) throw new BillingException(BillingExceptionCode.LINE_EXPORTED);
    if (line.state === 'voided') throw new BillingException(BillingExceptionCode.LINE_VOIDED);
    const visit = loadedVisit ?? (await this.loadVisit(line.visitId));
    const evaluated = await this.evaluator.evaluate(visit, await this.vault.open(visit.patient), await this.requireProfile(visit.doctorId), normalizeCoding(coding));
    await this.db.transaction(async () => {
      const done = await this.lines.updateEditable(line.id, { ...evaluated.fields, warningsAckBy: null, warningsAckAt: null });
      if (!done) throw new BillingException(BillingExceptionCode.LINE_CHANGED);
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'billing.line_coded', visitId: line.visitId, detail: { lineId: line.id, code: coding.code, state: evaluated.state } });
    });
    return this.view(line.id);
  }

  private async reevaluateEditable(column: 'patient_id' | 'visit_id' | 'doctor_id', id: string): Promise<BillingLineView[]> {
    const updated: BillingLineView[] = [];
    const profiles = new Map<string, BillingProfileEntity | null>();
    for (const line of await this.lines.findEditableBy(column, id)) {
      const visit = await this.loadVisit(line.visitId);
      if (!profiles.has(visit.doctorId)) profiles.set(visit.doctorId, await this.profiles.findByUserId(visit.doctorId));
      const profile = profiles.get(visit.doctorId);
      if (!profile) continue;
      const evaluated = await this.evaluator.evaluate(visit, await this.vault.open(visit.patient), profile, line.input.coding);
      // Same results (by rule, severity and field): the biller's acknowledgement still stands.
      const unchanged = sameFindings(evaluated.fields.results, line.results);
      const patch = unchanged && line.state === 'ready' ? { ...evaluated.fields, state: line.state } : { ...evaluated.fields, warningsAckBy: null, warningsAckAt: null };
      if (await this.lines.updateEditable(line.id, patch)) updated.push(await this.view(line.id));
    }
    return updated;
  }

  private async view(lineId: string): Promise<BillingLineView> {
    return toLineView(await this.load(lineId));
  }

  private async load(lineId: string): Promise<BillingLineEntity> {
    const line = await this.lines.findById(lineId);
    if (!line) throw new BillingException(BillingExceptionCode.LINE_NOT_FOUND);
    return line;
  }

  private async loadVisit(visitId: string): Promise<VisitEntity> {
    const visit = await this.visits.findById(visitId);
    if (!visit) throw new VisitException(VisitExceptionCode.VISIT_NOT_FOUND);
    return visit;
  }

  private async ownedCompletedVisit(doctor: Actor, visitId: string): Promise<VisitEntity> {
    const visit = await this.access.visit(doctor, visitId, 'code');
    if (visit.status !== 'completed') throw new BillingException(BillingExceptionCode.VISIT_NOT_COMPLETED);
    return visit;
  }

  private async requireProfile(doctorId: string): Promise<BillingProfileEntity> {
    const profile = await this.profiles.findByUserId(doctorId);
    if (!profile) throw new BillingException(BillingExceptionCode.NO_BILLING_PROFILE);
    return profile;
  }
}

/** Absent optional fields become null; codes upper case; text trimmed. */
export function normalizeCoding(coding: LineCoding): LineCoding {
  return {
    code: coding.code.toUpperCase(),
    amountCents: coding.amountCents,
    addOns: (coding.addOns ?? []).map((a) => ({ code: a.code.toUpperCase(), amountCents: a.amountCents })),
    extraFeeCents: coding.extraFeeCents,
    otherProfessionalRpps: coding.otherProfessionalRpps ?? null,
    thirdPartyPayment: coding.thirdPartyPayment,
    coveragePercent: coding.coveragePercent,
    referral: coding.referral,
    careException: coding.careException ?? null,
    exceptionReason: coding.exceptionReason?.trim() || null,
    sickNote: coding.sickNote ? { days: coding.sickNote.days, inPersonImpossible: coding.sickNote.inPersonImpossible } : null,
    patientLocation: coding.patientLocation ?? null,
  };
}

function normalizeIdentity(update: PatientIdentityUpdate): Pick<Patient, 'sex' | 'ins' | 'insOid' | 'identityStatus' | 'insuredNir' | 'beneficiaryRank' | 'regularDoctorRpps'> {
  return {
    sex: update.sex,
    ins: update.ins?.toUpperCase() || null,
    insOid: update.insOid ?? null,
    identityStatus: update.identityStatus,
    insuredNir: update.insuredNir?.toUpperCase() || null,
    beneficiaryRank: update.beneficiaryRank,
    regularDoctorRpps: update.regularDoctorRpps ?? null,
  };
}

/**
 * Whether two evaluations found the same problems: the same rules, severities and fields (messages
 * may be reworded). Never compares JSON text: results read back from jsonb have their keys reordered.
 */
export function sameFindings(a: readonly RuleResult[], b: readonly RuleResult[]): boolean {
  const key = (r: RuleResult) => `${r.rule}|${r.severity}|${r.field ?? ''}`;
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.length === right.length && left.every((k, i) => k === right[i]);
}

function encodeCursor(cursor: LinesCursor): string {
  return Buffer.from(`${cursor.dateOfService}|${cursor.id}`).toString('base64url');
}

function decodeCursor(raw: string | undefined): LinesCursor | null {
  if (!raw) return null;
  const [dateOfService, id] = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  const isDate = isIsoDate(dateOfService);
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id ?? '');
  if (!isDate || !isUuid) throw new BillingException(BillingExceptionCode.INVALID_CURSOR);
  return { dateOfService: dateOfService as string, id: id as string };
}
