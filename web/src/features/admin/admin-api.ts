import { practiceRoutes, staffRoutes, type InviteStaffRequest, type UpdatePracticeRequest, type UpdateStaffRequest } from '@visite/contracts';
import { callApi } from '../../shared/api/api-client';

export const adminApi = {
  staff: () => callApi(staffRoutes.list, {}),
  doctors: () => callApi(staffRoutes.doctors, {}),
  invite: (body: InviteStaffRequest) => callApi(staffRoutes.invite, { body }),
  update: (id: string, body: UpdateStaffRequest) => callApi(staffRoutes.update, { params: { id }, body }),
  disable: (id: string) => callApi(staffRoutes.disable, { params: { id } }),
  enable: (id: string) => callApi(staffRoutes.enable, { params: { id } }),
  reset: (id: string) => callApi(staffRoutes.reset, { params: { id } }),
  practice: () => callApi(practiceRoutes.get, {}),
  updatePractice: (body: UpdatePracticeRequest) => callApi(practiceRoutes.update, { body }),
};
