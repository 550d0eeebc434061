import type { DataSource, EntityManager } from 'typeorm';
import { PracticeKeyEntity, type PracticeKeyPurpose } from './practice-key.entity';

/** Queries on the wrapped practice keys (plain class: the key CLI uses it without the application). */
export class PracticeKeysRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  private get repo() {
    return this.db.getRepository(PracticeKeyEntity);
  }

  all(): Promise<PracticeKeyEntity[]> {
    return this.repo.find({ order: { practiceId: 'ASC', purpose: 'ASC', version: 'ASC' } });
  }

  forPractice(practiceId: string): Promise<PracticeKeyEntity[]> {
    return this.repo.find({ where: { practiceId }, order: { purpose: 'ASC', version: 'ASC' } });
  }

  /** Inserts a key unless that version exists (two nodes creating a practice's first keys at once). */
  async insertIfAbsent(row: Pick<PracticeKeyEntity, 'practiceId' | 'purpose' | 'version' | 'wrappedKey' | 'masterKeyId'>): Promise<void> {
    await this.repo.createQueryBuilder().insert().into(PracticeKeyEntity).values({ ...row, id: crypto.randomUUID() }).orIgnore().execute();
  }

  async maxVersion(practiceId: string, purpose: PracticeKeyPurpose): Promise<number> {
    const row = await this.repo.createQueryBuilder('k').select('MAX(k.version)', 'v').where('k.practice_id = :practiceId AND k.purpose = :purpose', { practiceId, purpose }).getRawOne<{ v: number | null }>();
    return Number(row?.v ?? 0);
  }

  /** Re-wraps one key under another master key, only if it is still wrapped by `fromMasterKeyId`. */
  async rewrap(id: string, fromMasterKeyId: string, wrappedKey: string, masterKeyId: string): Promise<boolean> {
    const result = await this.repo
      .createQueryBuilder()
      .update(PracticeKeyEntity)
      .set({ wrappedKey, masterKeyId })
      .where('id = :id AND master_key_id = :fromMasterKeyId', { id, fromMasterKeyId })
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length === 1;
  }
}
