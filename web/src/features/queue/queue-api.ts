import { visitRoutes, type CreateVisitRequest } from '@visite/contracts';
import { callApi } from '../../shared/api/api-client';

export const queueApi = {
  today: () => callApi(visitRoutes.today, {}),
  create: (body: CreateVisitRequest) => callApi(visitRoutes.create, { body }),
  reissueLink: (visitId: string) => callApi(visitRoutes.reissueLink, { params: { id: visitId } }),
  admit: (visitId: string) => callApi(visitRoutes.admit, { params: { id: visitId } }),
  sendMessage: (message: string) => callApi(visitRoutes.queueMessage, { body: { message } }),
};
