import { Controller } from '@nestjs/common';
import { schedulingRoutes, type AbsenceView, type AvailabilityView, type RouteInput, type SlotsView, type VisitTypeView } from '@visite/contracts';
import { Endpoint, Input } from '../../common/http/endpoint.decorator';
import { Authenticated } from '../auth/authenticated.decorator';
import type { Actor } from '../practice/actor';
import { CurrentActor } from '../practice/current-actor.decorator';
import { SchedulingService } from './scheduling.service';

type In<K extends keyof typeof schedulingRoutes> = RouteInput<(typeof schedulingRoutes)[K]>;
/** Doctors (their own), assistants (the doctors they assist) and admins (anyone's, and the practice's). */
const Editors = () => Authenticated('doctor', 'assistant', 'admin');

@Controller()
export class SchedulingController {
  constructor(private readonly scheduling: SchedulingService) {}

  @Endpoint(schedulingRoutes.availability)
  @Editors()
  availability(@CurrentActor() actor: Actor, @Input() { params }: In<'availability'>): Promise<AvailabilityView> {
    return this.scheduling.availability(actor, params.doctorId);
  }

  @Endpoint(schedulingRoutes.setAvailability)
  @Editors()
  setAvailability(@CurrentActor() actor: Actor, @Input() { params, body }: In<'setAvailability'>): Promise<AvailabilityView> {
    return this.scheduling.setAvailability(actor, params.doctorId, body);
  }

  @Endpoint(schedulingRoutes.slots)
  @Editors()
  slots(@CurrentActor() actor: Actor, @Input() { params, query }: In<'slots'>): Promise<SlotsView> {
    return this.scheduling.staffSlots(actor, params.doctorId, query.visitTypeId, query.from, query.to);
  }

  @Endpoint(schedulingRoutes.visitTypes)
  @Editors()
  visitTypes(@CurrentActor() actor: Actor, @Input() { query }: In<'visitTypes'>): Promise<VisitTypeView[]> {
    return this.scheduling.visitTypes(actor, query.doctorId);
  }

  @Endpoint(schedulingRoutes.createVisitType)
  @Editors()
  createVisitType(@CurrentActor() actor: Actor, @Input() { body }: In<'createVisitType'>): Promise<VisitTypeView> {
    return this.scheduling.createVisitType(actor, body);
  }

  @Endpoint(schedulingRoutes.updateVisitType)
  @Editors()
  updateVisitType(@CurrentActor() actor: Actor, @Input() { params, body }: In<'updateVisitType'>): Promise<VisitTypeView> {
    return this.scheduling.updateVisitType(actor, params.id, body);
  }

  @Endpoint(schedulingRoutes.deleteVisitType)
  @Editors()
  deleteVisitType(@CurrentActor() actor: Actor, @Input() { params }: In<'deleteVisitType'>): Promise<void> {
    return this.scheduling.archiveVisitType(actor, params.id);
  }

  @Endpoint(schedulingRoutes.createAbsence)
  @Editors()
  createAbsence(@CurrentActor() actor: Actor, @Input() { body }: In<'createAbsence'>): Promise<AbsenceView> {
    return this.scheduling.createAbsence(actor, body);
  }

  @Endpoint(schedulingRoutes.deleteAbsence)
  @Editors()
  deleteAbsence(@CurrentActor() actor: Actor, @Input() { params }: In<'deleteAbsence'>): Promise<void> {
    return this.scheduling.deleteAbsence(actor, params.id);
  }
}
