import type { CreateVisitRequest, DoctorQueue, VisitView, VisitWithLink } from '@visite/contracts';
import { api } from '../../shared/api/api-client';

export const queueApi = {
  today: () => api.get<DoctorQueue>('/api/visits/today'),
  create: (body: CreateVisitRequest) => api.post<VisitWithLink>('/api/visits', body),
  reissueLink: (visitId: string) => api.post<VisitWithLink>(`/api/visits/${encodeURIComponent(visitId)}/link`),
  admit: (visitId: string) => api.post<VisitView>(`/api/visits/${encodeURIComponent(visitId)}/admit`),
  sendMessage: (message: string) => api.post<void>('/api/queue/message', { message }),
};
