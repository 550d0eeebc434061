import type {
  BatchView,
  BillingLinesPage,
  BillingLineView,
  CreateBatchRequest,
  ExportFormat,
  IdentityUpdated,
  LineCodingRequest,
  ModalityCorrection,
  PatientIdentityUpdate,
  PractitionerProfileUpdate,
  PractitionerView,
  VoidLineRequest,
} from '@visite/contracts';
import { api } from '../../shared/api/api-client';
import { linesQueryString, type LinesFilter } from './lines-query';

const id = encodeURIComponent;
const line = (lineId: string) => `/api/billing/lines/${id(lineId)}`;

/** Billing staff (role billing or admin): review, correction and export. */
export const billingApi = {
  lines: (filter: LinesFilter, cursor?: string | null) => api.get<BillingLinesPage>(`/api/billing/lines${linesQueryString(filter, cursor)}`),
  line: (lineId: string) => api.get<BillingLineView>(line(lineId)),
  correctCoding: (lineId: string, coding: LineCodingRequest) => api.put<BillingLineView>(`${line(lineId)}/coding`, coding),
  acknowledge: (lineId: string) => api.post<BillingLineView>(`${line(lineId)}/acknowledge`),
  voidLine: (lineId: string, body: VoidLineRequest) => api.post<BillingLineView>(`${line(lineId)}/void`, body),
  reissue: (lineId: string) => api.post<BillingLineView>(`${line(lineId)}/reissue`),
  patientIdentity: (patientId: string, update: PatientIdentityUpdate) => api.put<IdentityUpdated>(`/api/billing/patients/${id(patientId)}/identity`, update),
  /** Answers the visit's lines, re-evaluated. */
  modality: (visitId: string, body: ModalityCorrection) => api.put<{ lines: BillingLineView[] }>(`/api/billing/visits/${id(visitId)}/modality`, body),
  practitioners: () => api.get<PractitionerView[]>('/api/billing/practitioners'),
  updatePractitioner: (userId: string, profile: PractitionerProfileUpdate) => api.put<PractitionerView>(`/api/billing/practitioners/${id(userId)}`, profile),
  createBatch: (body: CreateBatchRequest) => api.post<BatchView>('/api/billing/batches', body),
  batches: () => api.get<BatchView[]>('/api/billing/batches'),
};

/** A plain link (same-origin cookie): the browser downloads the file. */
export function exportUrl(batchId: string, format: ExportFormat): string {
  return `/api/billing/batches/${id(batchId)}/export?format=${id(format)}`;
}
