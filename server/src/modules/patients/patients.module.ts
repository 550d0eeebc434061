import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { VisitEntity } from '../visits/visit.entity';
import { PatientDistinctPairEntity } from './patient-distinct-pair.entity';
import { PatientEntity } from './patient.entity';
import { PatientVault } from './patient-vault';
import { PatientVisitsRepository } from './patient-visits.repository';
import { PatientsController } from './patients.controller';
import { PatientsRepository } from './patients.repository';
import { PatientsService } from './patients.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([PatientEntity, PatientDistinctPairEntity, VisitEntity])],
  controllers: [PatientsController],
  providers: [PatientsRepository, PatientVisitsRepository, PatientVault, PatientsService],
  exports: [PatientsRepository, PatientVault, PatientsService],
})
export class PatientsModule {}
