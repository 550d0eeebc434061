import { Injectable } from '@nestjs/common';
import { Repository } from 'typeorm';
import { Db } from '../../database/db';
import { PatientEntity } from './patient.entity';

@Injectable()
export class PatientsRepository {
  constructor(private readonly db: Db) {}

  private get repo(): Repository<PatientEntity> {
    return this.db.repo(PatientEntity);
  }

  create(input: Pick<PatientEntity, 'practiceId' | 'firstName' | 'lastName' | 'birthDate' | 'phone' | 'email'>): Promise<PatientEntity> {
    return this.repo.save(this.repo.create(input));
  }

  findById(id: string): Promise<PatientEntity | null> {
    return this.repo.findOneBy({ id });
  }

  async updateIdentity(id: string, identity: Pick<PatientEntity, 'sex' | 'ins' | 'insOid' | 'identityStatus' | 'insuredNir' | 'beneficiaryRank' | 'regularDoctorRpps'>): Promise<void> {
    await this.repo.update({ id }, identity);
  }
}
