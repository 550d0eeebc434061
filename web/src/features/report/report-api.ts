import { reportRoutes, type RegularDoctorRequest, type ReportFormat, type SaveReportDraftRequest } from '@visite/contracts';
import { callApi, routeUrl } from '../../shared/api/api-client';

/** The visit report (the visit's doctor writes and signs; the practice's doctors read). */
export const reportApi = {
  get: (visitId: string) => callApi(reportRoutes.get, { params: { id: visitId } }),
  saveDraft: (visitId: string, body: SaveReportDraftRequest) => callApi(reportRoutes.saveDraft, { params: { id: visitId }, body }),
  sign: (visitId: string, revision: number) => callApi(reportRoutes.sign, { params: { id: visitId }, body: { revision } }),
  correct: (visitId: string) => callApi(reportRoutes.correct, { params: { id: visitId } }),
  sendMssante: (visitId: string) => callApi(reportRoutes.sendMssante, { params: { id: visitId } }),
  regularDoctor: (visitId: string, body: RegularDoctorRequest) => callApi(reportRoutes.regularDoctor, { params: { id: visitId }, body }),
  fileUrl: (visitId: string, format: ReportFormat, version: number) => routeUrl(reportRoutes.file, { params: { id: visitId, format }, query: { version: String(version) } }),
  record: (patientId: string) => callApi(reportRoutes.patientRecord, { params: { id: patientId } }),
  patientInfo: (token: string) => callApi(reportRoutes.patientInfo, { params: { token } }),
  patientPdfUrl: (token: string) => routeUrl(reportRoutes.patientPdf, { params: { token } }),
};
