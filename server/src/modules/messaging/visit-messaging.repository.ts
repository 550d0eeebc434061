import { Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';
import { Db } from '../../database/db';
import { VisitMessagingEntity } from './visit-messaging.entity';

@Injectable()
export class VisitMessagingRepository {
  constructor(private readonly db: Db) {}

  /** The language and time zone the patient booked in (visit_bookings, written by scheduling), if the visit was booked in a slot. */
  async bookedFor(visitId: string): Promise<{ language: 'fr' | 'en'; timeZone: string } | null> {
    const rows: { language: 'fr' | 'en'; time_zone: string }[] = await this.db.manager.query(`SELECT language, time_zone FROM visit_bookings WHERE visit_id = $1`, [visitId]);
    return rows[0] ? { language: rows[0].language, timeZone: rows[0].time_zone } : null;
  }

  private get repo(): Repository<VisitMessagingEntity> {
    return this.db.repo(VisitMessagingEntity);
  }

  /** Creates or replaces the visit's sealed join token (a reissued link replaces it). */
  async setToken(visitId: string, joinTokenSealed: string): Promise<void> {
    await this.db.manager
      .createQueryBuilder()
      .insert()
      .into(VisitMessagingEntity)
      .values({ visitId, joinTokenSealed, calendarSequence: 0 })
      .orUpdate(['join_token_sealed', 'updated_at'], ['visit_id'])
      .execute();
  }

  /** The next SEQUENCE of the visit's calendar event (each change of the event raises it by one). */
  async nextSequence(visitId: string): Promise<number> {
    const result = await this.db.manager
      .createQueryBuilder()
      .update(VisitMessagingEntity)
      .set({ calendarSequence: () => '"calendar_sequence" + 1', updatedAt: () => 'now()' })
      .where({ visitId })
      .returning('"calendar_sequence"')
      .execute();
    const rows = result.raw as { calendar_sequence: number }[];
    return rows.length ? Number(rows[0].calendar_sequence) : 0;
  }

  find(visitId: string): Promise<VisitMessagingEntity | null> {
    return this.repo.findOneBy({ visitId });
  }
}
