import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JoinModule } from '../join/join.module';
import { VisitsModule } from '../visits/visits.module';
import { OutboxModule } from '../messaging/outbox.module';
import { AbsenceEntity } from './absence.entity';
import { BookingController, JoinBookingController, PublicBookingController } from './booking.controller';
import { BookingService } from './booking.service';
import { DoctorAvailabilityEntity } from './doctor-availability.entity';
import { SchedulingController } from './scheduling.controller';
import { SchedulingRepository } from './scheduling.repository';
import { SchedulingService } from './scheduling.service';
import { VisitBookingEntity } from './visit-booking.entity';
import { VisitTypeEntity } from './visit-type.entity';

/** Availability, visit types, absences, slots and bookings (docs/scheduling.md). */
@Module({
  imports: [TypeOrmModule.forFeature([DoctorAvailabilityEntity, VisitTypeEntity, AbsenceEntity, VisitBookingEntity]), VisitsModule, JoinModule, OutboxModule],
  controllers: [SchedulingController, BookingController, PublicBookingController, JoinBookingController],
  providers: [SchedulingRepository, SchedulingService, BookingService],
  exports: [SchedulingRepository, SchedulingService],
})
export class SchedulingModule {}
