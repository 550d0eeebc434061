import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AbsenceEntity } from './absence.entity';
import { DoctorAvailabilityEntity } from './doctor-availability.entity';
import { SchedulingController } from './scheduling.controller';
import { SchedulingRepository } from './scheduling.repository';
import { SchedulingService } from './scheduling.service';
import { VisitBookingEntity } from './visit-booking.entity';
import { VisitTypeEntity } from './visit-type.entity';

/** Availability, visit types, absences, slots and bookings (docs/scheduling.md). */
@Module({
  imports: [TypeOrmModule.forFeature([DoctorAvailabilityEntity, VisitTypeEntity, AbsenceEntity, VisitBookingEntity])],
  controllers: [SchedulingController],
  providers: [SchedulingRepository, SchedulingService],
  exports: [SchedulingRepository, SchedulingService],
})
export class SchedulingModule {}
