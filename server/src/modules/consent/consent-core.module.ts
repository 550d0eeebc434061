import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConsentTextEntity } from './consent-text.entity';
import { ConsentTextsRepository } from './consent-texts.repository';
import { ConsentEntity } from './consent.entity';
import { ConsentStates } from './consent-states';
import { ConsentsRepository } from './consents.repository';

/** Consent storage and the reader of participants' states (the visits module shows them). */
@Module({
  imports: [TypeOrmModule.forFeature([ConsentEntity, ConsentTextEntity])],
  providers: [ConsentsRepository, ConsentTextsRepository, ConsentStates],
  exports: [ConsentsRepository, ConsentTextsRepository, ConsentStates],
})
export class ConsentCoreModule {}
