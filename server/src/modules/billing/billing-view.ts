import type { BatchView, BillingLineView, PractitionerProfile } from '@visite/contracts';
import { EXPORT_FORMATS } from '@visite/contracts';
import type { BillingBatchEntity } from './billing-batch.entity';
import type { BillingLineEntity } from './billing-line.entity';
import type { BillingProfileEntity } from './billing-profile.entity';
import { practitionerBilling } from './line-evaluator.service';

export function toLineView(line: BillingLineEntity): BillingLineView {
  return {
    id: line.id,
    visitId: line.visitId,
    patientId: line.patientId,
    state: line.state,
    dateOfService: line.dateOfService,
    doctor: { id: line.doctorId, displayName: line.doctor?.displayName ?? '' },
    input: line.input,
    results: line.results,
    hasErrors: line.results.some((r) => r.severity === 'error'),
    hasWarnings: line.results.some((r) => r.severity === 'warning'),
    warningsAcknowledged: line.warningsAckBy && line.warningsAckAt ? { by: line.warningsAckBy, at: line.warningsAckAt.toISOString() } : null,
    feeTableVersion: line.feeTableVersion,
    rulesVersion: line.rulesVersion,
    totalCents: line.totalCents,
    batchId: line.batchId,
    replacesLineId: line.replacesLineId,
    voided: line.voidedAt && line.voidedBy ? { at: line.voidedAt.toISOString(), by: line.voidedBy, reason: line.voidReason ?? '' } : null,
    createdAt: line.createdAt.toISOString(),
    updatedAt: line.updatedAt.toISOString(),
  };
}

export function toBatchView(batch: BillingBatchEntity): BatchView {
  return {
    id: batch.id,
    number: batch.number,
    createdAt: batch.createdAt.toISOString(),
    createdBy: { id: batch.createdBy, displayName: batch.creator?.displayName ?? '' },
    from: batch.periodFrom,
    to: batch.periodTo,
    doctorId: batch.doctorId,
    lineCount: batch.lineCount,
    totalCents: Number(batch.totalCents),
    contentHash: batch.contentHash,
    formats: EXPORT_FORMATS,
  };
}

export function toProfile(profile: BillingProfileEntity): PractitionerProfile {
  const { declaredActsYear: year, declaredActsTotal: total } = profile;
  return { ...practitionerBilling(profile), declaredActs: year != null && total != null ? { year, total } : null };
}
