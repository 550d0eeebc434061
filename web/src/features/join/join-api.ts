import { joinRoutes, type GiveConsentRequest } from '@visite/contracts';
import { callApi } from '../../shared/api/api-client';

export const joinApi = {
  info: (token: string) => callApi(joinRoutes.info, { params: { token } }),
  consent: (token: string, body: GiveConsentRequest) => callApi(joinRoutes.consent, { params: { token }, body }),
};
