import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConsentCoreModule } from '../consent/consent-core.module';
import { OutboxModule } from '../messaging/outbox.module';
import { PatientEntity } from '../patients/patient.entity';
import { QueueService } from './queue.service';
import { VisitEntity } from './visit.entity';
import { VisitsController } from './visits.controller';
import { VisitsRepository } from './visits.repository';
import { VisitsService } from './visits.service';

@Module({
  imports: [TypeOrmModule.forFeature([VisitEntity, PatientEntity]), OutboxModule, ConsentCoreModule],
  controllers: [VisitsController],
  providers: [VisitsRepository, VisitsService, QueueService],
  exports: [VisitsRepository, VisitsService, QueueService],
})
export class VisitsModule {}
