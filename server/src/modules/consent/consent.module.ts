import { Module } from '@nestjs/common';
import { VisitsModule } from '../visits/visits.module';
import { ConsentCoreModule } from './consent-core.module';
import { ConsentController } from './consent.controller';
import { ConsentService } from './consent.service';

/** The practice's consent texts, participants' answers, withdrawal (docs/consent.md). */
@Module({
  imports: [ConsentCoreModule, VisitsModule],
  controllers: [ConsentController],
  providers: [ConsentService],
  exports: [ConsentService, ConsentCoreModule],
})
export class ConsentModule {}
