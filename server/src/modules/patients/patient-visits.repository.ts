import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { VisitEntity } from '../visits/visit.entity';

/** A patient's visits, newest first (the patient's page). */
@Injectable()
export class PatientVisitsRepository {
  constructor(@InjectRepository(VisitEntity) private readonly repo: Repository<VisitEntity>) {}

  ofPatient(practiceId: string, patientId: string): Promise<VisitEntity[]> {
    return this.repo.find({ where: { practiceId, patientId }, relations: { doctor: true }, order: { scheduledAt: 'DESC' }, take: 200 });
  }
}
