import { Injectable } from '@nestjs/common';
import { Repository } from 'typeorm';
import { Db } from '../../database/db';
import { UserEntity } from '../auth/user.entity';
import { BillingBatchEntity } from '../billing/billing-batch.entity';
import { BillingLineEntity } from '../billing/billing-line.entity';
import { PatientEntity } from '../patients/patient.entity';
import { AssistantLinkEntity } from '../staff/assistant-link.entity';
import { VisitEntity } from '../visits/visit.entity';

/** The access helper's queries: every one is bound to a practice, so another practice's id finds nothing. */
@Injectable()
export class AccessRepository {
  constructor(private readonly db: Db) {}

  private get visits(): Repository<VisitEntity> {
    return this.db.repo(VisitEntity);
  }

  private get patients(): Repository<PatientEntity> {
    return this.db.repo(PatientEntity);
  }

  private get lines(): Repository<BillingLineEntity> {
    return this.db.repo(BillingLineEntity);
  }

  private get batches(): Repository<BillingBatchEntity> {
    return this.db.repo(BillingBatchEntity);
  }

  private get users(): Repository<UserEntity> {
    return this.db.repo(UserEntity);
  }

  private get links(): Repository<AssistantLinkEntity> {
    return this.db.repo(AssistantLinkEntity);
  }

  visit(practiceId: string, id: string): Promise<VisitEntity | null> {
    return this.visits.findOne({ where: { id, practiceId }, relations: { doctor: true, patient: true } });
  }

  patient(practiceId: string, id: string): Promise<PatientEntity | null> {
    return this.patients.findOneBy({ id, practiceId });
  }

  line(practiceId: string, id: string): Promise<BillingLineEntity | null> {
    return this.lines.findOne({ where: { id, practiceId }, relations: { doctor: true } });
  }

  batch(practiceId: string, id: string): Promise<BillingBatchEntity | null> {
    return this.batches.findOne({ where: { id, practiceId }, relations: { creator: true } });
  }

  user(practiceId: string, id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id, practiceId });
  }

  async assistedDoctorIds(assistantId: string): Promise<string[]> {
    return (await this.links.find({ where: { assistantId }, order: { createdAt: 'ASC' } })).map((l) => l.doctorId);
  }
}
