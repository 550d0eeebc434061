import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEventEntity) private readonly repo: Repository<AuditEventEntity>) {}

  async insert(event: Pick<AuditEventEntity, 'actorType' | 'actorId' | 'action' | 'visitId' | 'detail'>): Promise<void> {
    await this.repo.save(this.repo.create(event));
  }

  forVisit(visitId: string): Promise<AuditEventEntity[]> {
    return this.repo.find({ where: { visitId }, order: { createdAt: 'ASC' } });
  }
}
