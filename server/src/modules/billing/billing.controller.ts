import { Readable } from 'node:stream';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, StreamableFile } from '@nestjs/common';
import type { BatchView, BillingLinesPage, BillingLineView, IdentityUpdated, PractitionerView } from '@visite/contracts';
import { Authenticated } from '../auth/authenticated.decorator';
import type { Actor } from '../practice/actor';
import { CurrentActor } from '../practice/current-actor.decorator';
import {
  CreateBatchDto, ExportQueryDto, LineCodingDto, LinesQueryDto, ModalityCorrectionDto, PatientIdentityDto, PractitionerProfileDto, VoidLineDto,
} from './billing.dto';
import { BillingExportService } from './billing-export.service';
import { BillingLinesService } from './billing-lines.service';
import { PractitionersService } from './practitioners.service';

const Id = (name = 'id') => Param(name, new ParseUUIDPipe({ version: '4' }));
const Billing = () => Authenticated('billing', 'admin');

/** Billing staff: review and correct lines, doctors' billing profiles, export batches. */
@Controller('billing')
export class BillingController {
  constructor(
    private readonly lines: BillingLinesService,
    private readonly practitioners: PractitionersService,
    private readonly exports: BillingExportService,
  ) {}

  @Get('lines')
  @Billing()
  list(@CurrentActor() actor: Actor, @Query() query: LinesQueryDto): Promise<BillingLinesPage> {
    return this.lines.list(actor, query);
  }

  @Get('lines/:id')
  @Billing()
  get(@CurrentActor() actor: Actor, @Id() id: string): Promise<BillingLineView> {
    return this.lines.get(actor, id);
  }

  @Put('lines/:id/coding')
  @Billing()
  recode(@CurrentActor() actor: Actor, @Id() id: string, @Body() dto: LineCodingDto): Promise<BillingLineView> {
    return this.lines.recode(actor, id, dto);
  }

  @Post('lines/:id/acknowledge')
  @HttpCode(200)
  @Billing()
  acknowledge(@CurrentActor() actor: Actor, @Id() id: string): Promise<BillingLineView> {
    return this.lines.acknowledge(actor, id);
  }

  @Post('lines/:id/void')
  @HttpCode(200)
  @Billing()
  void(@CurrentActor() actor: Actor, @Id() id: string, @Body() dto: VoidLineDto): Promise<BillingLineView> {
    return this.lines.void(actor, id, dto.reason);
  }

  @Post('lines/:id/reissue')
  @HttpCode(201)
  @Billing()
  reissue(@CurrentActor() actor: Actor, @Id() id: string): Promise<BillingLineView> {
    return this.lines.reissue(actor, id);
  }

  @Put('patients/:id/identity')
  @Billing()
  identity(@CurrentActor() actor: Actor, @Id() id: string, @Body() dto: PatientIdentityDto): Promise<IdentityUpdated> {
    return this.lines.updateIdentityAsBiller(actor, id, dto);
  }

  @Put('visits/:id/modality')
  @Billing()
  modality(@CurrentActor() actor: Actor, @Id() id: string, @Body() dto: ModalityCorrectionDto): Promise<{ lines: BillingLineView[] }> {
    return this.lines.correctModality(actor, id, dto);
  }

  @Get('practitioners')
  @Billing()
  listPractitioners(@CurrentActor() actor: Actor): Promise<PractitionerView[]> {
    return this.practitioners.list(actor);
  }

  @Put('practitioners/:userId')
  @Billing()
  updatePractitioner(@CurrentActor() actor: Actor, @Id('userId') userId: string, @Body() dto: PractitionerProfileDto): Promise<PractitionerView> {
    return this.practitioners.update(actor, userId, dto);
  }

  @Post('batches')
  @Billing()
  createBatch(@CurrentActor() actor: Actor, @Body() dto: CreateBatchDto): Promise<BatchView> {
    return this.exports.createBatch(actor, dto);
  }

  @Get('batches')
  @Billing()
  listBatches(@CurrentActor() actor: Actor): Promise<BatchView[]> {
    return this.exports.list(actor);
  }

  /** The batch's file, streamed; `X-Content-Hash` carries the batch's content hash. */
  @Get('batches/:id/export')
  @Billing()
  async export(@CurrentActor() actor: Actor, @Id() id: string, @Query() query: ExportQueryDto): Promise<StreamableFile> {
    const file = await this.exports.export(actor, id, query.format);
    return new StreamableFile(Readable.from(file.body), {
      type: file.contentType,
      disposition: `attachment; filename="${file.filename}"`,
    });
  }
}
