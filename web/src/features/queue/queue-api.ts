import { visitRoutes, type CreateVisitRequest } from '@visite/contracts';
import { callApi } from '../../shared/api/api-client';

export const queueApi = {
  today: (doctorId?: string) => callApi(visitRoutes.today, { query: doctorId ? { doctorId } : {} }),
  create: (body: CreateVisitRequest) => callApi(visitRoutes.create, { body }),
  reissueLink: (visitId: string) => callApi(visitRoutes.reissueLink, { params: { id: visitId } }),
  admit: (visitId: string) => callApi(visitRoutes.admit, { params: { id: visitId } }),
  sendMessage: (message: string, doctorId?: string) => callApi(visitRoutes.queueMessage, { body: doctorId ? { message, doctorId } : { message } }),
};
