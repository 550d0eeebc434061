import { Readable } from 'node:stream';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, StreamableFile } from '@nestjs/common';
import type { BatchView, BillingLinesPage, BillingLineView, IdentityUpdated, PractitionerView } from '@visite/contracts';
import { Authenticated, AuthUser } from '../auth/authenticated.decorator';
import type { UserEntity } from '../auth/user.entity';
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
  list(@Query() query: LinesQueryDto): Promise<BillingLinesPage> {
    return this.lines.list(query);
  }

  @Get('lines/:id')
  @Billing()
  get(@AuthUser() user: UserEntity, @Id() id: string): Promise<BillingLineView> {
    return this.lines.get(user, id);
  }

  @Put('lines/:id/coding')
  @Billing()
  recode(@AuthUser() user: UserEntity, @Id() id: string, @Body() dto: LineCodingDto): Promise<BillingLineView> {
    return this.lines.recode(user, id, dto);
  }

  @Post('lines/:id/acknowledge')
  @HttpCode(200)
  @Billing()
  acknowledge(@AuthUser() user: UserEntity, @Id() id: string): Promise<BillingLineView> {
    return this.lines.acknowledge(user, id);
  }

  @Post('lines/:id/void')
  @HttpCode(200)
  @Billing()
  void(@AuthUser() user: UserEntity, @Id() id: string, @Body() dto: VoidLineDto): Promise<BillingLineView> {
    return this.lines.void(user, id, dto.reason);
  }

  @Post('lines/:id/reissue')
  @HttpCode(201)
  @Billing()
  reissue(@AuthUser() user: UserEntity, @Id() id: string): Promise<BillingLineView> {
    return this.lines.reissue(user, id);
  }

  @Put('patients/:id/identity')
  @Billing()
  identity(@AuthUser() user: UserEntity, @Id() id: string, @Body() dto: PatientIdentityDto): Promise<IdentityUpdated> {
    return this.lines.updateIdentityAsBiller(user, id, dto);
  }

  @Put('visits/:id/modality')
  @Billing()
  modality(@AuthUser() user: UserEntity, @Id() id: string, @Body() dto: ModalityCorrectionDto): Promise<{ lines: BillingLineView[] }> {
    return this.lines.correctModality(user, id, dto);
  }

  @Get('practitioners')
  @Billing()
  listPractitioners(): Promise<PractitionerView[]> {
    return this.practitioners.list();
  }

  @Put('practitioners/:userId')
  @Billing()
  updatePractitioner(@AuthUser() user: UserEntity, @Id('userId') userId: string, @Body() dto: PractitionerProfileDto): Promise<PractitionerView> {
    return this.practitioners.update(user, userId, dto);
  }

  @Post('batches')
  @Billing()
  createBatch(@AuthUser() user: UserEntity, @Body() dto: CreateBatchDto): Promise<BatchView> {
    return this.exports.createBatch(user, dto);
  }

  @Get('batches')
  @Billing()
  listBatches(): Promise<BatchView[]> {
    return this.exports.list();
  }

  /** The batch's file, streamed; `X-Content-Hash` carries the batch's content hash. */
  @Get('batches/:id/export')
  @Billing()
  async export(@AuthUser() user: UserEntity, @Id() id: string, @Query() query: ExportQueryDto): Promise<StreamableFile> {
    const file = await this.exports.export(user, id, query.format);
    return new StreamableFile(Readable.from(file.body), {
      type: file.contentType,
      disposition: `attachment; filename="${file.filename}"`,
    });
  }
}
