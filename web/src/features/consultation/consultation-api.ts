import type { JoinInfo, MediaAccess, VisitView } from '@visite/contracts';
import { api } from '../../shared/api/api-client';

const visit = (id: string) => `/api/visits/${encodeURIComponent(id)}`;
const join = (token: string) => `/api/join/${encodeURIComponent(token)}`;

export const doctorRoomApi = {
  getVisit: (visitId: string) => api.get<VisitView>(visit(visitId)),
  mediaAccess: (visitId: string) => api.post<MediaAccess>(`${visit(visitId)}/media-access`),
  end: (visitId: string) => api.post<VisitView>(`${visit(visitId)}/end`),
};

export const patientRoomApi = {
  info: (token: string) => api.get<JoinInfo>(join(token)),
  mediaAccess: (token: string) => api.post<MediaAccess>(`${join(token)}/media-access`),
  end: (token: string) => api.post<void>(`${join(token)}/end`),
};
