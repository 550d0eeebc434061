import { authRoutes, type LoginRequest } from '@visite/contracts';
import { callApi } from '../../shared/api/api-client';

export const authApi = {
  me: () => callApi(authRoutes.me, {}),
  login: (body: LoginRequest) => callApi(authRoutes.login, { body }),
  logout: () => callApi(authRoutes.logout, {}),
};
