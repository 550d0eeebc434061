import {
  billingRoutes,
  type CreateBatchRequest,
  type ExportFormat,
  type LineCodingRequest,
  type ModalityCorrection,
  type PatientIdentityUpdate,
  type PractitionerProfileUpdate,
  type VoidLineRequest,
} from '@visite/contracts';
import { callApi, routeUrl } from '../../shared/api/api-client';
import { linesQuery, type LinesFilter } from './lines-query';

const line = (lineId: string) => ({ params: { id: lineId } });

/** Billing staff (role billing or admin): review, correction and export. */
export const billingApi = {
  lines: (filter: LinesFilter, cursor?: string | null) => callApi(billingRoutes.lines, { query: linesQuery(filter, cursor) }),
  line: (lineId: string) => callApi(billingRoutes.line, line(lineId)),
  correctCoding: (lineId: string, coding: LineCodingRequest) => callApi(billingRoutes.recode, { ...line(lineId), body: coding }),
  acknowledge: (lineId: string) => callApi(billingRoutes.acknowledge, line(lineId)),
  voidLine: (lineId: string, body: VoidLineRequest) => callApi(billingRoutes.voidLine, { ...line(lineId), body }),
  reissue: (lineId: string) => callApi(billingRoutes.reissue, line(lineId)),
  patientIdentity: (patientId: string, update: PatientIdentityUpdate) => callApi(billingRoutes.patientIdentity, { params: { id: patientId }, body: update }),
  /** Answers the visit's lines, re-evaluated. */
  modality: (visitId: string, body: ModalityCorrection) => callApi(billingRoutes.modality, { params: { id: visitId }, body }),
  practitioners: () => callApi(billingRoutes.practitioners, {}),
  updatePractitioner: (userId: string, profile: PractitionerProfileUpdate) => callApi(billingRoutes.updatePractitioner, { params: { userId }, body: profile }),
  createBatch: (body: CreateBatchRequest) => callApi(billingRoutes.createBatch, { body }),
  batches: () => callApi(billingRoutes.batches, {}),
};

/** A plain link (same-origin cookie): the browser downloads the file. */
export function exportUrl(batchId: string, format: ExportFormat): string {
  return routeUrl(billingRoutes.exportBatch, { params: { id: batchId }, query: { format } });
}
