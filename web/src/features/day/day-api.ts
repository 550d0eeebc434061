import { historyRoutes, visitRoutes } from '@visite/contracts';
import { callApi } from '../../shared/api/api-client';

export const dayApi = {
  visit: (visitId: string) => callApi(visitRoutes.get, { params: { id: visitId } }),
  history: (visitId: string) => callApi(historyRoutes.forVisit, { params: { id: visitId } }),
};
