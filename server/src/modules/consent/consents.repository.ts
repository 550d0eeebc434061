import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ConsentEntity } from './consent.entity';

@Injectable()
export class ConsentsRepository {
  constructor(@InjectRepository(ConsentEntity) private readonly repo: Repository<ConsentEntity>) {}

  async add(consent: Pick<ConsentEntity, 'visitId' | 'version' | 'accepted' | 'userAgent'>): Promise<void> {
    await this.repo.save(this.repo.create(consent));
  }

  /** The latest answer the patient gave for this visit, if any. */
  latest(visitId: string): Promise<ConsentEntity | null> {
    return this.repo.findOne({ where: { visitId }, order: { createdAt: 'DESC' } });
  }
}
