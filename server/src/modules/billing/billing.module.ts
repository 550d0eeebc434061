import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from '../auth/user.entity';
import { PatientEntity } from '../patients/patient.entity';
import { VisitsModule } from '../visits/visits.module';
import { BillingBatchEntity } from './billing-batch.entity';
import { BillingController } from './billing.controller';
import { BillingExportService } from './billing-export.service';
import { BillingLineEntity } from './billing-line.entity';
import { BillingLinesRepository } from './billing-lines.repository';
import { BillingLinesService } from './billing-lines.service';
import { BillingBatchesRepository } from './billing-batches.repository';
import { BillingProfileEntity } from './billing-profile.entity';
import { BillingProfilesRepository } from './billing-profiles.repository';
import { LineEvaluator } from './line-evaluator.service';
import { PractitionersService } from './practitioners.service';
import { VisitCodingController } from './visit-coding.controller';

@Module({
  imports: [TypeOrmModule.forFeature([BillingLineEntity, BillingBatchEntity, BillingProfileEntity, PatientEntity, UserEntity]), VisitsModule],
  controllers: [VisitCodingController, BillingController],
  providers: [
    BillingLinesRepository, BillingBatchesRepository, BillingProfilesRepository,
    LineEvaluator, BillingLinesService, PractitionersService, BillingExportService,
  ],
  exports: [BillingExportService, BillingProfilesRepository],
})
export class BillingModule {}
