import { Controller, Headers } from '@nestjs/common';
import {
  bookingRoutes, joinBookingRoutes, publicBookingRoutes,
  type BookingConfirmation, type JoinBooking, type PublicBookingPage, type RouteInput, type ScheduleView, type SlotsView, type VisitView, type VisitWithLink,
} from '@visite/contracts';
import { Endpoint, Input } from '../../common/http/endpoint.decorator';
import { requestLanguage } from '../../common/i18n/request-language';
import { Authenticated } from '../auth/authenticated.decorator';
import type { Actor } from '../practice/actor';
import { CurrentActor } from '../practice/current-actor.decorator';
import { BookingService } from './booking.service';

type Staff<K extends keyof typeof bookingRoutes> = RouteInput<(typeof bookingRoutes)[K]>;
type Public<K extends keyof typeof publicBookingRoutes> = RouteInput<(typeof publicBookingRoutes)[K]>;
type Join<K extends keyof typeof joinBookingRoutes> = RouteInput<(typeof joinBookingRoutes)[K]>;

/** Staff's bookings: doctors and the assistants who manage their schedules (admins see the week). */
@Controller()
export class BookingController {
  constructor(private readonly booking: BookingService) {}

  @Endpoint(bookingRoutes.schedule)
  @Authenticated('doctor', 'assistant', 'admin')
  schedule(@CurrentActor() actor: Actor, @Input() { params, query }: Staff<'schedule'>): Promise<ScheduleView> {
    return this.booking.schedule(actor, params.doctorId, query.from, query.to);
  }

  @Endpoint(bookingRoutes.book)
  @Authenticated('doctor', 'assistant')
  book(@CurrentActor() actor: Actor, @Input() { body }: Staff<'book'>): Promise<VisitWithLink> {
    return this.booking.bookByStaff(actor, body);
  }

  @Endpoint(bookingRoutes.reschedule)
  @Authenticated('doctor', 'assistant')
  reschedule(@CurrentActor() actor: Actor, @Input() { params, body }: Staff<'reschedule'>): Promise<VisitView> {
    return this.booking.rescheduleByStaff(actor, params.id, body.start);
  }
}

/** The public booking page: no account. */
@Controller()
export class PublicBookingController {
  constructor(private readonly booking: BookingService) {}

  @Endpoint(publicBookingRoutes.page)
  page(@Input() { params }: Public<'page'>): Promise<PublicBookingPage> {
    return this.booking.publicPage(params.practiceId);
  }

  @Endpoint(publicBookingRoutes.slots)
  slots(@Input() { params, query }: Public<'slots'>): Promise<SlotsView> {
    return this.booking.publicSlots(params.practiceId, query.doctorId, query.visitTypeId, query.from, query.to);
  }

  @Endpoint(publicBookingRoutes.book)
  book(@Input() { params, body }: Public<'book'>, @Headers('accept-language') language?: string): Promise<BookingConfirmation> {
    return this.booking.bookOnline(params.practiceId, body, requestLanguage({ 'accept-language': language }));
  }
}

/** The patient's booking from their link (the join token is the credential). */
@Controller()
export class JoinBookingController {
  constructor(private readonly booking: BookingService) {}

  @Endpoint(joinBookingRoutes.booking)
  get(@Input() { params }: Join<'booking'>): Promise<JoinBooking> {
    return this.booking.joinBooking(params.token);
  }

  @Endpoint(joinBookingRoutes.slots)
  slots(@Input() { params, query }: Join<'slots'>): Promise<SlotsView> {
    return this.booking.joinSlots(params.token, query.from, query.to);
  }

  @Endpoint(joinBookingRoutes.reschedule)
  reschedule(@Input() { params, body }: Join<'reschedule'>): Promise<JoinBooking> {
    return this.booking.rescheduleByPatient(params.token, body.start);
  }

  @Endpoint(joinBookingRoutes.cancel)
  cancel(@Input() { params }: Join<'cancel'>): Promise<JoinBooking> {
    return this.booking.cancelByPatient(params.token);
  }
}
