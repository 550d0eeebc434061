import { Injectable } from '@nestjs/common';
import { Repository } from 'typeorm';
import { Db } from '../../database/db';
import { BillingBatchEntity } from './billing-batch.entity';

/** Export batches: insert once, read; the database refuses any change afterwards. */
@Injectable()
export class BillingBatchesRepository {
  constructor(private readonly db: Db) {}

  private get repo(): Repository<BillingBatchEntity> {
    return this.db.repo(BillingBatchEntity);
  }

  async insert(batch: Omit<BillingBatchEntity, 'number' | 'createdAt' | 'creator' | 'doctor' | 'practice' | 'assignId'>): Promise<void> {
    await this.repo.insert(batch);
  }

  findById(id: string): Promise<BillingBatchEntity | null> {
    return this.repo.findOne({ where: { id }, relations: { creator: true } });
  }

  latest(practiceId: string, limit: number): Promise<BillingBatchEntity[]> {
    return this.repo.find({ where: { practiceId }, relations: { creator: true }, order: { number: 'DESC' }, take: limit });
  }
}
