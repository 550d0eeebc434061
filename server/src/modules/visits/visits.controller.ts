import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  createVisitSchema, queueMessageSchema, queueQuerySchema,
  type CreateVisitRequest, type DoctorQueue, type MediaAccess, type QueueMessageRequest, type VisitView, type VisitWithLink,
} from '@visite/contracts';
import { ZodPipe } from '../../common/validation/zod.pipe';
import { Authenticated } from '../auth/authenticated.decorator';
import type { Actor } from '../practice/actor';
import { CurrentActor } from '../practice/current-actor.decorator';
import { VisitsService } from './visits.service';

const VisitId = () => Param('id', new ParseUUIDPipe({ version: '4' }));
/** Doctors and the assistants who manage their schedules; the access helper decides per visit. */
const Care = () => Authenticated('doctor', 'assistant');

@Controller()
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Get('visits/today')
  @Care()
  today(@CurrentActor() actor: Actor, @Query(new ZodPipe(queueQuerySchema)) query: { doctorId?: string }): Promise<DoctorQueue> {
    return this.visits.today(actor, query.doctorId);
  }

  @Post('visits')
  @Care()
  create(@CurrentActor() actor: Actor, @Body(new ZodPipe(createVisitSchema)) body: CreateVisitRequest): Promise<VisitWithLink> {
    return this.visits.create(actor, body);
  }

  @Get('visits/:id')
  @Care()
  get(@CurrentActor() actor: Actor, @VisitId() id: string): Promise<VisitView> {
    return this.visits.get(actor, id);
  }

  @Post('visits/:id/link')
  @Care()
  reissueLink(@CurrentActor() actor: Actor, @VisitId() id: string): Promise<VisitWithLink> {
    return this.visits.reissueLink(actor, id);
  }

  @Post('visits/:id/admit')
  @HttpCode(200)
  @Care()
  admit(@CurrentActor() actor: Actor, @VisitId() id: string): Promise<VisitView> {
    return this.visits.admit(actor, id);
  }

  /** The doctor ends (or cancels) a visit; an assistant can only cancel one that has not started. */
  @Post('visits/:id/end')
  @HttpCode(200)
  @Care()
  end(@CurrentActor() actor: Actor, @VisitId() id: string): Promise<VisitView> {
    return this.visits.endByStaff(actor, id);
  }

  @Post('visits/:id/media-access')
  @HttpCode(200)
  @Care()
  mediaAccess(@CurrentActor() actor: Actor, @VisitId() id: string): Promise<MediaAccess> {
    return this.visits.mediaAccess(actor, id);
  }

  @Post('queue/message')
  @HttpCode(204)
  @Care()
  queueMessage(@CurrentActor() actor: Actor, @Body(new ZodPipe(queueMessageSchema)) body: QueueMessageRequest): Promise<void> {
    return this.visits.setQueueMessage(actor, body);
  }
}
