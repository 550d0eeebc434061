import { Injectable } from '@nestjs/common';
import { Repository } from 'typeorm';
import { Db } from '../../database/db';
import { AuditEventEntity } from './audit-event.entity';

@Injectable()
export class AuditRepository {
  constructor(private readonly db: Db) {}

  private get repo(): Repository<AuditEventEntity> {
    return this.db.repo(AuditEventEntity);
  }

  async insert(event: Pick<AuditEventEntity, 'actorType' | 'actorId' | 'action' | 'practiceId' | 'visitId' | 'detail'>): Promise<void> {
    await this.repo.save(this.repo.create(event));
  }

  forVisit(visitId: string): Promise<AuditEventEntity[]> {
    return this.repo.find({ where: { visitId }, order: { createdAt: 'ASC' } });
  }
}
