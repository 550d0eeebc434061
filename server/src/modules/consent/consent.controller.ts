import { Controller } from '@nestjs/common';
import { consentRoutes, type ConsentTextsView, type ConsentTextView, type ParticipantConsentState, type RouteInput } from '@visite/contracts';
import { Endpoint, Input } from '../../common/http/endpoint.decorator';
import { Authenticated } from '../auth/authenticated.decorator';
import type { Actor } from '../practice/actor';
import { CurrentActor } from '../practice/current-actor.decorator';
import { ConsentService } from './consent.service';

type In<K extends keyof typeof consentRoutes> = RouteInput<(typeof consentRoutes)[K]>;

@Controller()
export class ConsentController {
  constructor(private readonly consent: ConsentService) {}

  @Endpoint(consentRoutes.texts)
  @Authenticated('admin', 'doctor', 'assistant')
  texts(@CurrentActor() actor: Actor): Promise<ConsentTextsView> {
    return this.consent.textsView(actor);
  }

  @Endpoint(consentRoutes.updateText)
  @Authenticated('admin')
  updateText(@CurrentActor() actor: Actor, @Input() { params, body }: In<'updateText'>): Promise<ConsentTextView> {
    return this.consent.updateText(actor, params.kind, body.content);
  }

  @Endpoint(consentRoutes.recordOral)
  @Authenticated('doctor')
  recordOral(@CurrentActor() actor: Actor, @Input() { params, body }: In<'recordOral'>): Promise<ParticipantConsentState> {
    return this.consent.recordOral(actor, params.id, body);
  }
}
