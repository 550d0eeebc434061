import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { PatientEntity } from './patient.entity';

@Injectable()
export class PatientsRepository {
  constructor(@InjectRepository(PatientEntity) private readonly repo: Repository<PatientEntity>) {}

  create(input: Pick<PatientEntity, 'practiceId' | 'firstName' | 'lastName' | 'birthDate' | 'phone' | 'email'>, manager?: EntityManager): Promise<PatientEntity> {
    const repo = manager ? manager.getRepository(PatientEntity) : this.repo;
    return repo.save(repo.create(input));
  }

  findById(id: string): Promise<PatientEntity | null> {
    return this.repo.findOneBy({ id });
  }

  async updateIdentity(id: string, identity: Pick<PatientEntity, 'sex' | 'ins' | 'insOid' | 'identityStatus' | 'insuredNir' | 'beneficiaryRank' | 'regularDoctorRpps'>): Promise<void> {
    await this.repo.update({ id }, identity);
  }
}
