import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { PatientEntity } from './patient.entity';

@Injectable()
export class PatientsRepository {
  constructor(@InjectRepository(PatientEntity) private readonly repo: Repository<PatientEntity>) {}

  create(input: Pick<PatientEntity, 'firstName' | 'lastName' | 'birthDate' | 'phone' | 'email'>, manager?: EntityManager): Promise<PatientEntity> {
    const repo = manager ? manager.getRepository(PatientEntity) : this.repo;
    return repo.save(repo.create(input));
  }
}
