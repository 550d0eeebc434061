import { Controller } from '@nestjs/common';
import { visitCodingRoutes, type BillingLineView, type CodingDraft, type IdentityUpdated, type RouteInput } from '@visite/contracts';
import { Endpoint, Input } from '../../common/http/endpoint.decorator';
import { Authenticated } from '../auth/authenticated.decorator';
import type { Actor } from '../practice/actor';
import { CurrentActor } from '../practice/current-actor.decorator';
import { BillingLinesService } from './billing-lines.service';

type In<K extends keyof typeof visitCodingRoutes> = RouteInput<(typeof visitCodingRoutes)[K]>;

/** The doctor codes their own completed visit at its end. */
@Controller()
export class VisitCodingController {
  constructor(private readonly lines: BillingLinesService) {}

  @Endpoint(visitCodingRoutes.draft)
  @Authenticated('doctor')
  draft(@CurrentActor() actor: Actor, @Input() { params }: In<'draft'>): Promise<CodingDraft> {
    return this.lines.draft(actor, params.id);
  }

  @Endpoint(visitCodingRoutes.saveLine)
  @Authenticated('doctor')
  code(@CurrentActor() actor: Actor, @Input() { params, body }: In<'saveLine'>): Promise<BillingLineView> {
    return this.lines.codeVisit(actor, params.id, body);
  }

  @Endpoint(visitCodingRoutes.saveIdentity)
  @Authenticated('doctor')
  identity(@CurrentActor() actor: Actor, @Input() { params, body }: In<'saveIdentity'>): Promise<IdentityUpdated> {
    return this.lines.updateIdentityAsDoctor(actor, params.id, body);
  }
}
