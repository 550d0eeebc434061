import { Injectable } from '@nestjs/common';
import type { PracticeSettings } from '@visite/contracts';
import { Repository } from 'typeorm';
import { Db } from '../../database/db';
import { PracticeEntity } from './practice.entity';

@Injectable()
export class PracticesRepository {
  constructor(private readonly db: Db) {}

  private get repo(): Repository<PracticeEntity> {
    return this.db.repo(PracticeEntity);
  }

  findById(id: string): Promise<PracticeEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByName(name: string): Promise<PracticeEntity | null> {
    return this.repo.findOneBy({ name });
  }

  count(): Promise<number> {
    return this.repo.count();
  }

  async create(practice: { id?: string; name: string; settings: PracticeSettings }): Promise<PracticeEntity> {
    return this.repo.save(this.repo.create(practice));
  }

  async update(id: string, patch: { name: string; settings: PracticeSettings }): Promise<void> {
    await this.repo.update({ id }, patch);
  }
}
