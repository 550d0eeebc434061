import { Controller } from '@nestjs/common';
import { historyRoutes, type RouteInput, type VisitHistoryView } from '@visite/contracts';
import { Endpoint, Input } from '../../common/http/endpoint.decorator';
import { Authenticated } from '../auth/authenticated.decorator';
import type { Actor } from '../practice/actor';
import { CurrentActor } from '../practice/current-actor.decorator';
import { VisitHistory } from './visit-history.service';

@Controller()
export class HistoryController {
  constructor(private readonly history: VisitHistory) {}

  @Endpoint(historyRoutes.forVisit)
  @Authenticated('doctor', 'assistant')
  forVisit(@CurrentActor() actor: Actor, @Input() { params }: RouteInput<typeof historyRoutes.forVisit>): Promise<VisitHistoryView> {
    return this.history.forVisit(actor, params.id);
  }
}
