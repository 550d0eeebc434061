import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db';
import { VisitNoteEntity } from './visit-note.entity';

export interface StoredNotes {
  bodyEnc: string;
  version: number;
  updatedAt: Date;
  updatedBy: string;
  updatedByName: string | null;
}

@Injectable()
export class NotesRepository {
  constructor(private readonly db: Db) {}

  async find(visitId: string): Promise<StoredNotes | null> {
    const rows: { body_enc: string; version: number; updated_at: Date; updated_by: string; display_name: string | null }[] = await this.db.manager.query(
      `SELECT n.body_enc, n.version, n.updated_at, n.updated_by, u.display_name
         FROM visit_notes n LEFT JOIN users u ON u.id = n.updated_by WHERE n.visit_id = $1`,
      [visitId],
    );
    const row = rows[0];
    return row ? { bodyEnc: row.body_enc, version: Number(row.version), updatedAt: row.updated_at, updatedBy: row.updated_by, updatedByName: row.display_name } : null;
  }

  /**
   * Writes version `baseVersion + 1` if and only if the stored version is still `baseVersion` (0: no row
   * yet). Returns false when someone saved in between (the caller answers 409 with the current text).
   */
  async saveIfVersion(row: { visitId: string; practiceId: string; bodyEnc: string; updatedBy: string }, baseVersion: number): Promise<boolean> {
    const now = new Date();
    if (baseVersion === 0) {
      const result = await this.db.manager
        .createQueryBuilder()
        .insert()
        .into(VisitNoteEntity)
        .values({ ...row, version: 1, updatedAt: now })
        .orIgnore()
        .returning('"version"')
        .execute();
      return (result.raw as unknown[]).length === 1;
    }
    const result = await this.db.manager
      .createQueryBuilder()
      .update(VisitNoteEntity)
      .set({ bodyEnc: row.bodyEnc, updatedBy: row.updatedBy, updatedAt: now, version: () => '"version" + 1' })
      .where('visit_id = :visitId AND version = :baseVersion', { visitId: row.visitId, baseVersion })
      .execute();
    return (result.affected ?? 0) === 1;
  }
}
