import { Body, Controller, Get, Put } from '@nestjs/common';
import { updatePracticeSchema, type PracticeView, type UpdatePracticeRequest } from '@visite/contracts';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { Authenticated } from '../auth/authenticated.decorator';
import type { Actor } from './actor';
import { CurrentActor } from './current-actor.decorator';
import { PracticesService } from './practices.service';

@Controller('practice')
export class PracticeController {
  constructor(private readonly practices: PracticesService) {}

  @Get()
  @Authenticated()
  get(@CurrentActor() actor: Actor): Promise<PracticeView> {
    return this.practices.get(actor);
  }

  @Put()
  @Authenticated('admin')
  update(@CurrentActor() actor: Actor, @Body(new ZodPipe(updatePracticeSchema)) body: UpdatePracticeRequest): Promise<PracticeView> {
    return this.practices.update(actor, body);
  }
}
