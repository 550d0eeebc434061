import { Controller } from '@nestjs/common';
import { practiceRoutes, type PracticeView, type RouteInput } from '@visite/contracts';
import { Endpoint, Input } from '../../common/http/endpoint.decorator';
import { Authenticated } from '../auth/authenticated.decorator';
import type { Actor } from './actor';
import { CurrentActor } from './current-actor.decorator';
import { PracticesService } from './practices.service';

@Controller()
export class PracticeController {
  constructor(private readonly practices: PracticesService) {}

  @Endpoint(practiceRoutes.get)
  @Authenticated()
  get(@CurrentActor() actor: Actor): Promise<PracticeView> {
    return this.practices.get(actor);
  }

  @Endpoint(practiceRoutes.update)
  @Authenticated('admin')
  update(@CurrentActor() actor: Actor, @Input() { body }: RouteInput<typeof practiceRoutes.update>): Promise<PracticeView> {
    return this.practices.update(actor, body);
  }
}
