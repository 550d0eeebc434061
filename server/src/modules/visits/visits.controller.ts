import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { DoctorQueue, MediaAccess, VisitView, VisitWithLink } from '@visite/contracts';
import { Authenticated, AuthUser } from '../auth/authenticated.decorator';
import type { UserEntity } from '../auth/user.entity';
import { CreateVisitDto, QueueMessageDto } from './visits.dto';
import { VisitsService } from './visits.service';

const VisitId = () => Param('id', new ParseUUIDPipe({ version: '4' }));

@Controller()
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Get('visits/today')
  @Authenticated('doctor')
  today(@AuthUser() user: UserEntity): Promise<DoctorQueue> {
    return this.visits.today(user.id);
  }

  @Post('visits')
  @Authenticated('doctor')
  create(@AuthUser() user: UserEntity, @Body() dto: CreateVisitDto): Promise<VisitWithLink> {
    return this.visits.create(user, dto);
  }

  @Get('visits/:id')
  @Authenticated('doctor')
  get(@AuthUser() user: UserEntity, @VisitId() id: string): Promise<VisitView> {
    return this.visits.get(user, id);
  }

  @Post('visits/:id/link')
  @Authenticated('doctor')
  reissueLink(@AuthUser() user: UserEntity, @VisitId() id: string): Promise<VisitWithLink> {
    return this.visits.reissueLink(user, id);
  }

  @Post('visits/:id/admit')
  @HttpCode(200)
  @Authenticated('doctor')
  admit(@AuthUser() user: UserEntity, @VisitId() id: string): Promise<VisitView> {
    return this.visits.admit(user, id);
  }

  @Post('visits/:id/end')
  @HttpCode(200)
  @Authenticated('doctor')
  end(@AuthUser() user: UserEntity, @VisitId() id: string): Promise<VisitView> {
    return this.visits.endByDoctor(user, id);
  }

  @Post('visits/:id/media-access')
  @HttpCode(200)
  @Authenticated('doctor')
  mediaAccess(@AuthUser() user: UserEntity, @VisitId() id: string): Promise<MediaAccess> {
    return this.visits.mediaAccess(user, id);
  }

  @Post('queue/message')
  @HttpCode(204)
  @Authenticated('doctor')
  queueMessage(@AuthUser() user: UserEntity, @Body() dto: QueueMessageDto): Promise<void> {
    return this.visits.setQueueMessage(user, dto.message);
  }
}
