import { Controller, Headers } from '@nestjs/common';
import { readinessRoutes, type DayReadiness, type JoinReadiness, type MediaAccess, type ReadinessSummary, type RouteInput } from '@visite/contracts';
import { Endpoint, Input } from '../../common/http/endpoint.decorator';
import { Authenticated } from '../auth/authenticated.decorator';
import type { Actor } from '../practice/actor';
import { CurrentActor } from '../practice/current-actor.decorator';
import { ReadinessService } from './readiness.service';

type In<K extends keyof typeof readinessRoutes> = RouteInput<(typeof readinessRoutes)[K]>;

@Controller()
export class ReadinessController {
  constructor(private readonly readiness: ReadinessService) {}

  @Endpoint(readinessRoutes.checkAccess)
  checkAccess(@Input() { params }: In<'checkAccess'>): Promise<MediaAccess> {
    return this.readiness.checkAccess(params.token);
  }

  @Endpoint(readinessRoutes.report)
  report(@Input() { params, body }: In<'report'>, @Headers('user-agent') userAgent?: string): Promise<ReadinessSummary> {
    return this.readiness.report(params.token, body, userAgent ?? null);
  }

  @Endpoint(readinessRoutes.latest)
  latest(@Input() { params }: In<'latest'>): Promise<JoinReadiness> {
    return this.readiness.latest(params.token);
  }

  @Endpoint(readinessRoutes.day)
  @Authenticated('doctor', 'assistant')
  day(@CurrentActor() actor: Actor, @Input() { query }: In<'day'>): Promise<DayReadiness> {
    return this.readiness.day(actor, query.date, query.doctorId);
  }
}
