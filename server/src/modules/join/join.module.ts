import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConsentEntity } from '../consent/consent.entity';
import { ConsentsRepository } from '../consent/consents.repository';
import { VisitsModule } from '../visits/visits.module';
import { JoinController } from './join.controller';
import { JoinService } from './join.service';

@Module({
  imports: [TypeOrmModule.forFeature([ConsentEntity]), VisitsModule],
  controllers: [JoinController],
  providers: [ConsentsRepository, JoinService],
  exports: [JoinService],
})
export class JoinModule {}
