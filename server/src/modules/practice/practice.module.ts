import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from '../auth/user.entity';
import { BillingBatchEntity } from '../billing/billing-batch.entity';
import { BillingLineEntity } from '../billing/billing-line.entity';
import { PatientEntity } from '../patients/patient.entity';
import { AssistantLinkEntity } from '../staff/assistant-link.entity';
import { VisitEntity } from '../visits/visit.entity';
import { AccessRepository } from './access.repository';
import { AccessService } from './access.service';
import { PracticeController } from './practice.controller';
import { PracticeEntity } from './practice.entity';
import { PracticesRepository } from './practices.repository';
import { PracticesService } from './practices.service';

/** Practices and the access helper, available to every module. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([PracticeEntity, VisitEntity, PatientEntity, BillingLineEntity, BillingBatchEntity, UserEntity, AssistantLinkEntity])],
  controllers: [PracticeController],
  providers: [AccessRepository, AccessService, PracticesRepository, PracticesService],
  exports: [AccessService, PracticesService, PracticesRepository],
})
export class PracticeModule {}
