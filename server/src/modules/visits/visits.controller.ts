import { Controller } from '@nestjs/common';
import { visitRoutes, type DoctorQueue, type MediaAccess, type RouteInput, type VisitView, type VisitWithLink } from '@visite/contracts';
import { Endpoint, Input } from '../../common/http/endpoint.decorator';
import { Authenticated } from '../auth/authenticated.decorator';
import type { Actor } from '../practice/actor';
import { CurrentActor } from '../practice/current-actor.decorator';
import { VisitsService } from './visits.service';

type In<K extends keyof typeof visitRoutes> = RouteInput<(typeof visitRoutes)[K]>;
/** Doctors and the assistants who manage their schedules; the access helper decides per visit. */
const Care = () => Authenticated('doctor', 'assistant');

@Controller()
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Endpoint(visitRoutes.today)
  @Care()
  today(@CurrentActor() actor: Actor, @Input() { query }: In<'today'>): Promise<DoctorQueue> {
    return this.visits.today(actor, query.doctorId);
  }

  @Endpoint(visitRoutes.create)
  @Care()
  create(@CurrentActor() actor: Actor, @Input() { body }: In<'create'>): Promise<VisitWithLink> {
    return this.visits.create(actor, body);
  }

  @Endpoint(visitRoutes.get)
  @Care()
  get(@CurrentActor() actor: Actor, @Input() { params }: In<'get'>): Promise<VisitView> {
    return this.visits.get(actor, params.id);
  }

  @Endpoint(visitRoutes.reissueLink)
  @Care()
  reissueLink(@CurrentActor() actor: Actor, @Input() { params }: In<'reissueLink'>): Promise<VisitWithLink> {
    return this.visits.reissueLink(actor, params.id);
  }

  @Endpoint(visitRoutes.admit)
  @Care()
  admit(@CurrentActor() actor: Actor, @Input() { params }: In<'admit'>): Promise<VisitView> {
    return this.visits.admit(actor, params.id);
  }

  /** The doctor ends (or cancels) a visit; an assistant can only cancel one that has not started. */
  @Endpoint(visitRoutes.end)
  @Care()
  end(@CurrentActor() actor: Actor, @Input() { params }: In<'end'>): Promise<VisitView> {
    return this.visits.endByStaff(actor, params.id);
  }

  @Endpoint(visitRoutes.mediaAccess)
  @Care()
  mediaAccess(@CurrentActor() actor: Actor, @Input() { params }: In<'mediaAccess'>): Promise<MediaAccess> {
    return this.visits.mediaAccess(actor, params.id);
  }

  @Endpoint(visitRoutes.queueMessage)
  @Care()
  queueMessage(@CurrentActor() actor: Actor, @Input() { body }: In<'queueMessage'>): Promise<void> {
    return this.visits.setQueueMessage(actor, body);
  }
}
