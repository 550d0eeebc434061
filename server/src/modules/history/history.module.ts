import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HistoryController } from './history.controller';
import { VisitEventEntity } from './visit-event.entity';
import { VisitEventsRepository } from './visit-events.repository';
import { VisitHistory } from './visit-history.service';

/** Global: every module that changes a visit records it in the visit's history. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([VisitEventEntity])],
  controllers: [HistoryController],
  providers: [VisitEventsRepository, VisitHistory],
  exports: [VisitHistory],
})
export class HistoryModule {}
