import { messageRoutes, type MessageState } from '@visite/contracts';
import { callApi } from '../../shared/api/api-client';

/** Messages to patients as staff see them: on a visit, in the practice's outbox, resending. */
export const messagesApi = {
  forVisit: (visitId: string) => callApi(messageRoutes.forVisit, { params: { id: visitId } }),
  outbox: (query: { state?: MessageState; cursor?: string }) => callApi(messageRoutes.outbox, { query }),
  detail: (id: string) => callApi(messageRoutes.detail, { params: { id } }),
  resend: (id: string) => callApi(messageRoutes.resend, { params: { id } }),
};
