import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { BillingBatchEntity } from '../billing/billing-batch.entity';
import { BillingLineEntity } from '../billing/billing-line.entity';
import { PatientEntity } from '../patients/patient.entity';
import { AssistantLinkEntity } from '../staff/assistant-link.entity';
import { VisitEntity } from '../visits/visit.entity';

/** The access helper's queries: every one is bound to a practice, so another practice's id finds nothing. */
@Injectable()
export class AccessRepository {
  constructor(
    @InjectRepository(VisitEntity) private readonly visits: Repository<VisitEntity>,
    @InjectRepository(PatientEntity) private readonly patients: Repository<PatientEntity>,
    @InjectRepository(BillingLineEntity) private readonly lines: Repository<BillingLineEntity>,
    @InjectRepository(BillingBatchEntity) private readonly batches: Repository<BillingBatchEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(AssistantLinkEntity) private readonly links: Repository<AssistantLinkEntity>,
  ) {}

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
