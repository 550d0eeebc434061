import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { BillingBatchEntity } from './billing-batch.entity';

/** Export batches: insert once, read; the database refuses any change afterwards. */
@Injectable()
export class BillingBatchesRepository {
  constructor(@InjectRepository(BillingBatchEntity) private readonly repo: Repository<BillingBatchEntity>) {}

  async insert(manager: EntityManager, batch: Omit<BillingBatchEntity, 'number' | 'createdAt' | 'creator' | 'doctor' | 'practice' | 'assignId'>): Promise<void> {
    await manager.getRepository(BillingBatchEntity).insert(batch);
  }

  findById(id: string, manager?: EntityManager): Promise<BillingBatchEntity | null> {
    return (manager ? manager.getRepository(BillingBatchEntity) : this.repo).findOne({ where: { id }, relations: { creator: true } });
  }

  latest(practiceId: string, limit: number): Promise<BillingBatchEntity[]> {
    return this.repo.find({ where: { practiceId }, relations: { creator: true }, order: { number: 'DESC' }, take: limit });
  }
}
