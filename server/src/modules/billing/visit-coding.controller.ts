import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import type { BillingLineView, CodingDraft, IdentityUpdated } from '@visite/contracts';
import { Authenticated, AuthUser } from '../auth/authenticated.decorator';
import type { UserEntity } from '../auth/user.entity';
import { LineCodingDto, PatientIdentityDto } from './billing.dto';
import { BillingLinesService } from './billing-lines.service';

const VisitId = () => Param('id', new ParseUUIDPipe({ version: '4' }));

/** The doctor codes their own completed visit at its end. */
@Controller('visits/:id')
export class VisitCodingController {
  constructor(private readonly lines: BillingLinesService) {}

  @Get('coding')
  @Authenticated('doctor')
  draft(@AuthUser() user: UserEntity, @VisitId() id: string): Promise<CodingDraft> {
    return this.lines.draft(user, id);
  }

  @Post('billing-line')
  @HttpCode(200)
  @Authenticated('doctor')
  code(@AuthUser() user: UserEntity, @VisitId() id: string, @Body() dto: LineCodingDto): Promise<BillingLineView> {
    return this.lines.codeVisit(user, id, dto);
  }

  @Put('patient-identity')
  @Authenticated('doctor')
  identity(@AuthUser() user: UserEntity, @VisitId() id: string, @Body() dto: PatientIdentityDto): Promise<IdentityUpdated> {
    return this.lines.updateIdentityAsDoctor(user, id, dto);
  }
}
