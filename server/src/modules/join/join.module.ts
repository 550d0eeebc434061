import { Module } from '@nestjs/common';
import { ConsentModule } from '../consent/consent.module';
import { VisitsModule } from '../visits/visits.module';
import { JoinController } from './join.controller';
import { JoinService } from './join.service';

@Module({
  imports: [ConsentModule, VisitsModule],
  controllers: [JoinController],
  providers: [JoinService],
  exports: [JoinService],
})
export class JoinModule {}
