import { Controller } from '@nestjs/common';
import { messageRoutes, type OutboxMessageDetail, type OutboxPage, type ResendResult, type RouteInput, type VisitMessages } from '@visite/contracts';
import { Endpoint, Input } from '../../common/http/endpoint.decorator';
import { Authenticated } from '../auth/authenticated.decorator';
import type { Actor } from '../practice/actor';
import { CurrentActor } from '../practice/current-actor.decorator';
import { MessagingService } from './messaging.service';

type In<K extends keyof typeof messageRoutes> = RouteInput<(typeof messageRoutes)[K]>;
/** Doctors and the assistants who manage their schedules; the access helper decides per visit. */
const Care = () => Authenticated('doctor', 'assistant');

/** Staff: a visit's messages, the practice's outbox, resending. */
@Controller()
export class MessagingController {
  constructor(private readonly messaging: MessagingService) {}

  @Endpoint(messageRoutes.forVisit)
  @Care()
  forVisit(@CurrentActor() actor: Actor, @Input() { params }: In<'forVisit'>): Promise<VisitMessages> {
    return this.messaging.forVisit(actor, params.id);
  }

  @Endpoint(messageRoutes.outbox)
  @Care()
  outbox(@CurrentActor() actor: Actor, @Input() { query }: In<'outbox'>): Promise<OutboxPage> {
    return this.messaging.page(actor, query);
  }

  @Endpoint(messageRoutes.detail)
  @Care()
  detail(@CurrentActor() actor: Actor, @Input() { params }: In<'detail'>): Promise<OutboxMessageDetail> {
    return this.messaging.detail(actor, params.id);
  }

  @Endpoint(messageRoutes.resend)
  @Care()
  resend(@CurrentActor() actor: Actor, @Input() { params }: In<'resend'>): Promise<ResendResult> {
    return this.messaging.resend(actor, params.id);
  }
}
