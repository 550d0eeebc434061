import { visitCodingRoutes, type LineCodingRequest, type PatientIdentityUpdate } from '@visite/contracts';
import { callApi } from '../../shared/api/api-client';

/** The doctor's end-of-visit coding (own visits only). */
export const codingApi = {
  draft: (visitId: string) => callApi(visitCodingRoutes.draft, { params: { id: visitId } }),
  /** Creates or replaces the visit's open line; 409 once it has been exported. */
  saveLine: (visitId: string, coding: LineCodingRequest) => callApi(visitCodingRoutes.saveLine, { params: { id: visitId }, body: coding }),
  saveIdentity: (visitId: string, update: PatientIdentityUpdate) => callApi(visitCodingRoutes.saveIdentity, { params: { id: visitId }, body: update }),
};
