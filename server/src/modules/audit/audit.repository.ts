import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEventEntity) private readonly repo: Repository<AuditEventEntity>) {}

  async insert(event: Pick<AuditEventEntity, 'actorType' | 'actorId' | 'action' | 'practiceId' | 'visitId' | 'detail'>, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(AuditEventEntity) : this.repo;
    await repo.save(repo.create(event));
  }

  forVisit(visitId: string): Promise<AuditEventEntity[]> {
    return this.repo.find({ where: { visitId }, order: { createdAt: 'ASC' } });
  }
}
