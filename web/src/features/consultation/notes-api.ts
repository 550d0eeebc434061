import { notesRoutes, type SaveNotesRequest } from '@visite/contracts';
import { callApi } from '../../shared/api/api-client';

export const notesApi = {
  get: (visitId: string) => callApi(notesRoutes.get, { params: { id: visitId } }),
  save: (visitId: string, body: SaveNotesRequest) => callApi(notesRoutes.save, { params: { id: visitId }, body }),
};
