import { Injectable } from '@nestjs/common';
import { practiceSettingsSchema, type PracticeSettings, type PracticeView, type UpdatePracticeRequest } from '@visite/contracts';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db';
import { AuditService } from '../audit/audit.service';
import { AccessService } from './access.service';
import type { Actor } from './actor';
import type { PracticeEntity } from './practice.entity';
import { PracticesRepository } from './practices.repository';

/** How long a node trusts its copy of a practice's settings (another node may have changed them). */
const CACHE_MS = 30_000;

/** A practice's name and settings; the time zone in them is what "today" means for its queues. */
@Injectable()
export class PracticesService {
  private readonly cache = new Map<string, { practice: PracticeView; at: number }>();

  constructor(
    private readonly config: AppConfig,
    private readonly practices: PracticesRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly db: Db,
  ) {}

  /** Settings for a new practice: the install's defaults (PRACTICE_TIME_ZONE), French. */
  defaultSettings(overrides: Partial<PracticeSettings> = {}): PracticeSettings {
    return practiceSettingsSchema.parse({ timeZone: this.config.practiceTimeZone, ...overrides });
  }

  async view(practiceId: string): Promise<PracticeView> {
    const hit = this.cache.get(practiceId);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.practice;
    const entity = await this.practices.findById(practiceId);
    if (!entity) throw new Error(`practice ${practiceId} does not exist`);
    const practice = toPracticeView(entity, this.config.practiceTimeZone);
    this.cache.set(practiceId, { practice, at: Date.now() });
    return practice;
  }

  async timeZone(practiceId: string): Promise<string> {
    return (await this.view(practiceId)).settings.timeZone;
  }

  get(actor: Actor): Promise<PracticeView> {
    return this.view(actor.practiceId);
  }

  async update(actor: Actor, request: UpdatePracticeRequest): Promise<PracticeView> {
    this.access.requireRole(actor, ['admin']);
    await this.db.transaction(async () => {
      await this.practices.update(actor.practiceId, { name: request.name, settings: request.settings });
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'practice.updated', detail: { fields: ['name', ...Object.keys(request.settings)] } });
    });
    this.cache.delete(actor.practiceId);
    return this.view(actor.practiceId);
  }
}

/** A stored practice, its settings completed with the defaults of fields added since it was written. */
export function toPracticeView(entity: PracticeEntity, defaultTimeZone: string): PracticeView {
  const parsed = practiceSettingsSchema.safeParse({ timeZone: defaultTimeZone, ...(entity.settings as Partial<PracticeSettings>) });
  return { id: entity.id, name: entity.name, settings: parsed.success ? parsed.data : practiceSettingsSchema.parse({ timeZone: defaultTimeZone }) };
}
