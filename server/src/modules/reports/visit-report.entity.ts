import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { ReportDestinations } from '@visite/contracts';
import { BaseEntity } from '../../database/base.entity';
import { UserEntity } from '../auth/user.entity';
import { PracticeEntity } from '../practice/practice.entity';
import { VisitEntity } from '../visits/visit.entity';

/**
 * One version of a visit's report. A draft (no `signedAt`) is edited in place (`revision` counts the
 * saves); once signed the row is immutable (a database trigger refuses any update or delete), and a
 * correction is a new draft with the same `setId` and the next `version`. `content`, `pdf` and `cda`
 * `snapshot` are `enc1:` ciphertexts: read and write them only through `ReportVault`.
 */
@Entity('visit_reports')
@Index('uq_visit_reports_version', ['visitId', 'version'], { unique: true })
@Index('uq_visit_reports_one_draft', ['visitId'], { unique: true, where: '"signed_at" IS NULL' })
@Check('ck_visit_reports_signed', '("signed_at" IS NULL) = ("pdf" IS NULL) AND ("signed_at" IS NULL) = ("cda" IS NULL) AND ("signed_at" IS NULL) = ("snapshot" IS NULL)')
export class VisitReportEntity extends BaseEntity {
  @Index('ix_visit_reports_practice')
  @Column({ name: 'practice_id', type: 'uuid' })
  practiceId: string;

  @ManyToOne(() => PracticeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'fk_visit_reports_practice' })
  practice?: PracticeEntity;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'visit_id', type: 'uuid' })
  visitId: string;

  @ManyToOne(() => VisitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'visit_id', foreignKeyConstraintName: 'fk_visit_reports_visit' })
  visit?: VisitEntity;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_visit_reports_author' })
  author?: UserEntity;

  /** The document set every version of this visit's report shares (the CDA setId). */
  @Column({ name: 'set_id', type: 'uuid' })
  setId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'integer', default: 0 })
  revision: number;

  /** The sections (JSON), encrypted. */
  @Column({ name: 'content', type: 'text' })
  contentEnc: string;

  @Column({ type: 'jsonb' })
  destinations: ReportDestinations;

  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true })
  signedAt: Date | null;

  /** The signed PDF (base64), encrypted. */
  @Column({ name: 'pdf', type: 'text', nullable: true })
  pdfEnc: string | null;

  @Column({ name: 'pdf_sha256', type: 'char', length: 64, nullable: true })
  pdfSha256: string | null;

  /** The signed CDA R2 document (XML), encrypted. */
  @Column({ name: 'cda', type: 'text', nullable: true })
  cdaEnc: string | null;

  /** What the signed documents were built from (patient, author, practice as they were at signing: JSON), encrypted. */
  @Column({ name: 'snapshot', type: 'text', nullable: true })
  snapshotEnc: string | null;
}
