import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AssistantLinkEntity } from '../staff/assistant-link.entity';
import { UserEntity } from './user.entity';

@Injectable()
export class UsersRepository {
  constructor(
    @InjectRepository(UserEntity) private readonly repo: Repository<UserEntity>,
    @InjectRepository(AssistantLinkEntity) private readonly links: Repository<AssistantLinkEntity>,
  ) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ email: email.toLowerCase() });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id });
  }

  create(user: Pick<UserEntity, 'practiceId' | 'email' | 'passwordHash' | 'displayName' | 'role'>, manager?: EntityManager): Promise<UserEntity> {
    const repo = manager ? manager.getRepository(UserEntity) : this.repo;
    return repo.save(repo.create({ ...user, email: user.email.toLowerCase(), queueMessage: null, disabledAt: null }));
  }

  async setQueueMessage(id: string, message: string | null): Promise<void> {
    await this.repo.update({ id }, { queueMessage: message });
  }

  /** The practice's staff, by name. */
  inPractice(practiceId: string): Promise<UserEntity[]> {
    return this.repo.find({ where: { practiceId }, order: { displayName: 'ASC', email: 'ASC' } });
  }

  doctorsOf(practiceId: string): Promise<UserEntity[]> {
    return this.repo.find({ where: { practiceId, role: 'doctor' }, order: { displayName: 'ASC' } });
  }

  async assistedDoctors(assistantId: string): Promise<UserEntity[]> {
    const links = await this.links.find({ where: { assistantId }, relations: { doctor: true }, order: { createdAt: 'ASC' } });
    return links.map((l) => l.doctor);
  }

  /** assistant id → doctors, for a list of assistants. */
  async assistsOf(assistantIds: string[]): Promise<Map<string, UserEntity[]>> {
    const map = new Map<string, UserEntity[]>();
    if (assistantIds.length === 0) return map;
    for (const link of await this.links.find({ where: { assistantId: In(assistantIds) }, relations: { doctor: true }, order: { createdAt: 'ASC' } })) {
      map.set(link.assistantId, [...(map.get(link.assistantId) ?? []), link.doctor]);
    }
    return map;
  }

  async setAssists(assistantId: string, doctorIds: readonly string[], manager: EntityManager): Promise<void> {
    const links = manager.getRepository(AssistantLinkEntity);
    await links.delete({ assistantId });
    if (doctorIds.length) await links.insert(doctorIds.map((doctorId) => ({ assistantId, doctorId })));
  }

  async update(id: string, patch: Partial<Pick<UserEntity, 'displayName' | 'role' | 'passwordHash' | 'disabledAt'>>, manager?: EntityManager): Promise<void> {
    await (manager ? manager.getRepository(UserEntity) : this.repo).update({ id }, patch);
  }
}
