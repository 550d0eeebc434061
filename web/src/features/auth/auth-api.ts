import type { CurrentUser, LoginRequest } from '@visite/contracts';
import { api } from '../../shared/api/api-client';

export const authApi = {
  me: () => api.get<CurrentUser>('/api/auth/me'),
  login: (body: LoginRequest) => api.post<CurrentUser>('/api/auth/login', body),
  logout: () => api.post<void>('/api/auth/logout'),
};
