import { Injectable } from '@nestjs/common';
import { Repository } from 'typeorm';
import { ConsentEntity } from './consent.entity';
import { Db } from '../../database/db';

@Injectable()
export class ConsentsRepository {
  constructor(private readonly db: Db) {}

  private get repo(): Repository<ConsentEntity> {
    return this.db.repo(ConsentEntity);
  }

  async add(consent: Pick<ConsentEntity, 'visitId' | 'version' | 'accepted' | 'userAgent'>): Promise<void> {
    await this.repo.save(this.repo.create(consent));
  }

  /** The latest answer the patient gave for this visit, if any. */
  latest(visitId: string): Promise<ConsentEntity | null> {
    return this.repo.findOne({ where: { visitId }, order: { createdAt: 'DESC' } });
  }
}
