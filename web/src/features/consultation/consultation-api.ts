import { consentRoutes, joinRoutes, visitRoutes, type RecordOralConsentRequest } from '@visite/contracts';
import { callApi } from '../../shared/api/api-client';

export const doctorRoomApi = {
  getVisit: (visitId: string) => callApi(visitRoutes.get, { params: { id: visitId } }),
  mediaAccess: (visitId: string) => callApi(visitRoutes.mediaAccess, { params: { id: visitId } }),
  end: (visitId: string) => callApi(visitRoutes.end, { params: { id: visitId } }),
  recordConsent: (visitId: string, body: RecordOralConsentRequest) => callApi(consentRoutes.recordOral, { params: { id: visitId }, body }),
};

export const patientRoomApi = {
  info: (token: string) => callApi(joinRoutes.info, { params: { token } }),
  mediaAccess: (token: string) => callApi(joinRoutes.mediaAccess, { params: { token } }),
  end: (token: string) => callApi(joinRoutes.end, { params: { token } }),
  withdrawConsent: (token: string) => callApi(joinRoutes.withdrawConsent, { params: { token } }),
};
