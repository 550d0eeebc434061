import type { BillingLineView, CodingDraft, IdentityUpdated, LineCodingRequest, PatientIdentityUpdate } from '@visite/contracts';
import { api } from '../../shared/api/api-client';

const visit = (id: string) => `/api/visits/${encodeURIComponent(id)}`;

/** The doctor's end-of-visit coding (own visits only). */
export const codingApi = {
  draft: (visitId: string) => api.get<CodingDraft>(`${visit(visitId)}/coding`),
  /** Creates or replaces the visit's open line; 409 once it has been exported. */
  saveLine: (visitId: string, coding: LineCodingRequest) => api.post<BillingLineView>(`${visit(visitId)}/billing-line`, coding),
  saveIdentity: (visitId: string, update: PatientIdentityUpdate) => api.put<IdentityUpdated>(`${visit(visitId)}/patient-identity`, update),
};
