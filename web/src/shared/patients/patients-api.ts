import { patientRoutes, type PatientInput } from '@visite/contracts';
import { callApi } from '../api/api-client';

/** The practice's patient directory (doctors and assistants). */
export const patientsApi = {
  search: (q: string, signal?: AbortSignal) => callApi(patientRoutes.search, { query: { q } }, signal),
  create: (body: PatientInput) => callApi(patientRoutes.create, { body }),
  get: (id: string) => callApi(patientRoutes.get, { params: { id } }),
  update: (id: string, body: PatientInput) => callApi(patientRoutes.update, { params: { id }, body }),
  visits: (id: string) => callApi(patientRoutes.visits, { params: { id } }),
  duplicates: () => callApi(patientRoutes.duplicates, {}),
  notDuplicate: (id: string, otherId: string) => callApi(patientRoutes.notDuplicate, { params: { id, otherId } }),
};

/** Whether a query is worth sending: 3 letters of a name, a date of birth or 6 digits of a phone. */
export function isSearchable(q: string): boolean {
  return q.split(/\s+/).some((w) => w.replace(/[^\p{L}]/gu, '').length >= 3 || w.replace(/\D/g, '').length >= 6 || /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(w));
}
