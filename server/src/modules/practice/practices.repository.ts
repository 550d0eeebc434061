import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { PracticeSettings } from '@visite/contracts';
import { EntityManager, Repository } from 'typeorm';
import { PracticeEntity } from './practice.entity';

@Injectable()
export class PracticesRepository {
  constructor(@InjectRepository(PracticeEntity) private readonly repo: Repository<PracticeEntity>) {}

  findById(id: string): Promise<PracticeEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByName(name: string): Promise<PracticeEntity | null> {
    return this.repo.findOneBy({ name });
  }

  count(): Promise<number> {
    return this.repo.count();
  }

  async create(practice: { id?: string; name: string; settings: PracticeSettings }, manager?: EntityManager): Promise<PracticeEntity> {
    const repo = manager ? manager.getRepository(PracticeEntity) : this.repo;
    return repo.save(repo.create(practice));
  }

  async update(id: string, patch: { name: string; settings: PracticeSettings }, manager?: EntityManager): Promise<void> {
    await (manager ? manager.getRepository(PracticeEntity) : this.repo).update({ id }, patch);
  }
}
