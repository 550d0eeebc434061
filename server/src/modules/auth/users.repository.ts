import { Injectable } from '@nestjs/common';
import { In, Repository } from 'typeorm';
import { Db } from '../../database/db';
import { AssistantLinkEntity } from '../staff/assistant-link.entity';
import { UserEntity } from './user.entity';

@Injectable()
export class UsersRepository {
  constructor(private readonly db: Db) {}

  private get repo(): Repository<UserEntity> {
    return this.db.repo(UserEntity);
  }

  private get links(): Repository<AssistantLinkEntity> {
    return this.db.repo(AssistantLinkEntity);
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ email: email.toLowerCase() });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id });
  }

  create(user: Pick<UserEntity, 'practiceId' | 'email' | 'passwordHash' | 'displayName' | 'role'>): Promise<UserEntity> {
    return this.repo.save(this.repo.create({ ...user, email: user.email.toLowerCase(), queueMessage: null, disabledAt: null }));
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

  /** Replaces the doctors an assistant assists (inside the caller's transaction). */
  async setAssists(assistantId: string, doctorIds: readonly string[]): Promise<void> {
    await this.links.delete({ assistantId });
    if (doctorIds.length) await this.links.insert(doctorIds.map((doctorId) => ({ assistantId, doctorId })));
  }

  async update(id: string, patch: Partial<Pick<UserEntity, 'displayName' | 'role' | 'passwordHash' | 'disabledAt'>>): Promise<void> {
    await this.repo.update({ id }, patch);
  }
}
