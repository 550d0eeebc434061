import type { GiveConsentRequest, JoinInfo } from '@visite/contracts';
import { api } from '../../shared/api/api-client';

const base = (token: string) => `/api/join/${encodeURIComponent(token)}`;

export const joinApi = {
  info: (token: string) => api.get<JoinInfo>(base(token)),
  consent: (token: string, body: GiveConsentRequest) => api.post<JoinInfo>(`${base(token)}/consent`, body),
};
