import {
  bookingRoutes, joinBookingRoutes, publicBookingRoutes, schedulingRoutes,
  type AbsenceInput, type AvailabilityInput, type PublicBookingRequest, type StaffBookingRequest, type VisitTypeInput,
} from '@visite/contracts';
import { callApi } from '../../shared/api/api-client';

export const bookingApi = {
  availability: (doctorId: string) => callApi(schedulingRoutes.availability, { params: { doctorId } }),
  setAvailability: (doctorId: string, body: AvailabilityInput) => callApi(schedulingRoutes.setAvailability, { params: { doctorId }, body }),
  createVisitType: (body: VisitTypeInput) => callApi(schedulingRoutes.createVisitType, { body }),
  deleteVisitType: (id: string) => callApi(schedulingRoutes.deleteVisitType, { params: { id } }),
  createAbsence: (body: AbsenceInput) => callApi(schedulingRoutes.createAbsence, { body }),
  deleteAbsence: (id: string) => callApi(schedulingRoutes.deleteAbsence, { params: { id } }),
  staffSlots: (doctorId: string, visitTypeId: string, from: string, to: string) => callApi(schedulingRoutes.slots, { params: { doctorId }, query: { visitTypeId, from, to } }),
  schedule: (doctorId: string, from: string, to: string) => callApi(bookingRoutes.schedule, { params: { doctorId }, query: { from, to } }),
  book: (body: StaffBookingRequest) => callApi(bookingRoutes.book, { body }),
  publicPage: (practiceId: string) => callApi(publicBookingRoutes.page, { params: { practiceId } }),
  publicSlots: (practiceId: string, doctorId: string, visitTypeId: string, from: string, to: string) =>
    callApi(publicBookingRoutes.slots, { params: { practiceId }, query: { doctorId, visitTypeId, from, to } }),
  bookOnline: (practiceId: string, body: PublicBookingRequest) => callApi(publicBookingRoutes.book, { params: { practiceId }, body }),
  joinBooking: (token: string) => callApi(joinBookingRoutes.booking, { params: { token } }),
  joinSlots: (token: string, from: string, to: string) => callApi(joinBookingRoutes.slots, { params: { token }, query: { from, to } }),
  reschedule: (token: string, start: string) => callApi(joinBookingRoutes.reschedule, { params: { token }, body: { start } }),
  cancel: (token: string) => callApi(joinBookingRoutes.cancel, { params: { token } }),
};
