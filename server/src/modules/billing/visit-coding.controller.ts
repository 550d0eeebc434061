import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import type { BillingLineView, CodingDraft, IdentityUpdated } from '@visite/contracts';
import { Authenticated } from '../auth/authenticated.decorator';
import type { Actor } from '../practice/actor';
import { CurrentActor } from '../practice/current-actor.decorator';
import { LineCodingDto, PatientIdentityDto } from './billing.dto';
import { BillingLinesService } from './billing-lines.service';

const VisitId = () => Param('id', new ParseUUIDPipe({ version: '4' }));

/** The doctor codes their own completed visit at its end. */
@Controller('visits/:id')
export class VisitCodingController {
  constructor(private readonly lines: BillingLinesService) {}

  @Get('coding')
  @Authenticated('doctor')
  draft(@CurrentActor() actor: Actor, @VisitId() id: string): Promise<CodingDraft> {
    return this.lines.draft(actor, id);
  }

  @Post('billing-line')
  @HttpCode(200)
  @Authenticated('doctor')
  code(@CurrentActor() actor: Actor, @VisitId() id: string, @Body() dto: LineCodingDto): Promise<BillingLineView> {
    return this.lines.codeVisit(actor, id, dto);
  }

  @Put('patient-identity')
  @Authenticated('doctor')
  identity(@CurrentActor() actor: Actor, @VisitId() id: string, @Body() dto: PatientIdentityDto): Promise<IdentityUpdated> {
    return this.lines.updateIdentityAsDoctor(actor, id, dto);
  }
}
