import { createHash, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { exportableIns } from '@visite/billing';
import {
  REPORT_SECTIONS,
  type PatientRecord,
  type PatientReportInfo,
  type RegularDoctorRequest,
  type ReportContent,
  type ReportDelivery,
  type ReportFormat,
  type ReportStatus,
  type ReportVersion,
  type SaveReportDraftRequest,
  type VisitReport,
} from '@visite/contracts';
import { t } from '@visite/i18n';
import { AppConfig } from '../../config/app-config';
import { Db } from '../../database/db';
import { AuditService } from '../audit/audit.service';
import { BillingProfilesRepository } from '../billing/billing-profiles.repository';
import { JoinService } from '../join/join.service';
import { MessageScheduler } from '../messaging/message-scheduler.service';
import { PracticeFactsService } from '../messaging/practice-facts';
import type { Patient } from '../patients/patient';
import { PatientVault } from '../patients/patient-vault';
import { PatientVisitsRepository } from '../patients/patient-visits.repository';
import { PatientsRepository } from '../patients/patients.repository';
import { AccessService } from '../practice/access.service';
import type { Actor } from '../practice/actor';
import { PracticesService } from '../practice/practices.service';
import type { VisitEntity } from '../visits/visit.entity';
import { DmpSubmitter } from './dmp-submitter';
import type { ReportDocument } from './documents/report-document';
import { renderReportCda } from './documents/render-cda';
import { renderReportFhir } from './documents/render-fhir';
import { renderReportPdf, sha256Hex } from './documents/render-pdf';
import { renderXdmZip } from './documents/render-xdm';
import { MssanteRelay } from './mssante-relay';
import type { ReportDeliveryEntity } from './report-delivery.entity';
import { ReportVault } from './report-vault';
import { ReportException, ReportExceptionCode } from './reports.exception';
import { ReportsRepository } from './reports.repository';
import { VisitNotesSource, VisitRecordExtras } from './visit-notes-source';
import type { VisitReportEntity } from './visit-report.entity';

const EMPTY: ReportContent = { reason: '', findings: '', advice: '', prescriptions: '', followUp: '' };

/** A downloaded document of a signed version. */
export interface ReportFile {
  body: Buffer;
  contentType: string;
  filename: string;
}

/**
 * The visit report: the visit's doctor writes a draft (prefilled from the visit's notes), saves it
 * (conflict-safe by revision), signs it (then the row is immutable: a correction is a new version of
 * the same document set), and it goes where they chose: the patient (PDF on their link and a notice
 * through the outbox), the DMP (through a `DmpSubmitter`), the regular doctor by MSSanté (IHE XDM by
 * the configured relay). Reading: the practice's doctors (clinical staff, as for notes); the patient
 * only through their link, once signed for them. Assistants, billing staff and admins see no clinical content.
 */
@Injectable()
export class ReportsService {
  private readonly logger = new Logger('Reports');

  constructor(
    private readonly config: AppConfig,
    private readonly reports: ReportsRepository,
    private readonly vault: ReportVault,
    private readonly patientVault: PatientVault,
    private readonly patients: PatientsRepository,
    private readonly patientVisits: PatientVisitsRepository,
    private readonly profiles: BillingProfilesRepository,
    private readonly practices: PracticesService,
    private readonly facts: PracticeFactsService,
    private readonly scheduler: MessageScheduler,
    private readonly join: JoinService,
    private readonly notes: VisitNotesSource,
    private readonly extras: VisitRecordExtras,
    private readonly mssante: MssanteRelay,
    private readonly dmp: DmpSubmitter,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly db: Db,
  ) {}

  async get(actor: Actor, visitId: string): Promise<VisitReport> {
    const visit = await this.access.visit(actor, visitId, 'clinical');
    await this.audit.recordAccess({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'report.viewed', visitId });
    return this.view(visit);
  }

  async saveDraft(actor: Actor, visitId: string, body: SaveReportDraftRequest): Promise<VisitReport> {
    const visit = await this.writable(actor, visitId);
    const content = body.content as ReportContent;
    await this.db.transaction(async () => {
      const draft = await this.reports.draft(visit.practiceId, visit.id);
      if (!draft) {
        const versions = await this.reports.versions(visit.practiceId, visit.id);
        // The first save creates version 1 (revision 0 read from the prefill); after signing, a new draft needs "correct".
        if (versions.length) throw new ReportException(ReportExceptionCode.REPORT_ALREADY_SIGNED);
        if (body.revision !== 0) throw new ReportException(ReportExceptionCode.REPORT_DRAFT_CONFLICT);
        const id = randomUUID();
        await this.reports.insert({
          id, practiceId: visit.practiceId, visitId: visit.id, authorId: actor.userId, setId: randomUUID(), version: 1, revision: 1,
          contentEnc: await this.vault.sealContent(visit.practiceId, id, content), destinations: body.destinations,
        });
        await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'report.draft_saved', visitId, detail: { reportId: id, version: 1 } });
        return;
      }
      const saved = await this.reports.saveDraft(draft.id, body.revision, { contentEnc: await this.vault.sealContent(visit.practiceId, draft.id, content), destinations: body.destinations });
      if (!saved) throw new ReportException(ReportExceptionCode.REPORT_DRAFT_CONFLICT);
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'report.draft_saved', visitId, detail: { reportId: draft.id, version: draft.version } });
    });
    return this.view(visit);
  }

  async sign(actor: Actor, visitId: string, revision: number): Promise<VisitReport> {
    const visit = await this.writable(actor, visitId);
    const draft = await this.reports.draft(visit.practiceId, visit.id);
    if (!draft) throw new ReportException((await this.reports.versions(visit.practiceId, visit.id)).length ? ReportExceptionCode.REPORT_ALREADY_SIGNED : ReportExceptionCode.REPORT_EMPTY);
    if (draft.revision !== revision) throw new ReportException(ReportExceptionCode.REPORT_DRAFT_CONFLICT);
    const content = await this.vault.content(draft);
    if (!content.reason.trim() && !content.findings.trim()) throw new ReportException(ReportExceptionCode.REPORT_EMPTY);

    const signedAt = new Date();
    const previous = (await this.reports.versions(visit.practiceId, visit.id)).find((v) => v.signedAt && v.version < draft.version) ?? null;
    const patient = await this.patientVault.open(visit.patient);
    const document = await this.documentOf(visit, draft, patient, content, signedAt, previous);
    const pdf = await renderReportPdf(document);
    const cda = renderReportCda(document, pdf.toString('base64'));
    const sealed = await this.vault.sealSigned(visit.practiceId, draft.id, { pdf, cda, document });
    const mssanteTo = draft.destinations.mssante ? (patient.regularDoctorMssante ?? null) : null;
    if (draft.destinations.mssante && !mssanteTo) throw new ReportException(ReportExceptionCode.MSSANTE_NO_RECIPIENT);
    if (draft.destinations.mssante && !this.mssante.configured) throw new ReportException(ReportExceptionCode.MSSANTE_NOT_CONFIGURED);

    const deliveries = await this.db.transaction(async () => {
      if (!(await this.reports.sign(draft.id, revision, { signedAt, ...sealed, pdfSha256: sha256Hex(pdf) }))) throw new ReportException(ReportExceptionCode.REPORT_DRAFT_CONFLICT);
      const rows: ReportDeliveryEntity[] = [];
      if (draft.destinations.patient) {
        const notices = await this.scheduler.reportSigned({ id: visit.id, practiceId: visit.practiceId, scheduledAt: visit.scheduledAt, patient });
        rows.push(await this.reports.insertDelivery({ practiceId: visit.practiceId, reportId: draft.id, destination: 'patient', state: 'sent', sentAt: signedAt, attempts: 1, error: notices ? null : 'no e-mail or phone for the notice' }));
      }
      if (draft.destinations.dmp) rows.push(await this.reports.insertDelivery({ practiceId: visit.practiceId, reportId: draft.id, destination: 'dmp', state: 'pending' }));
      if (mssanteTo) {
        const id = randomUUID();
        rows.push(await this.reports.insertDelivery({ id, practiceId: visit.practiceId, reportId: draft.id, destination: 'mssante', state: 'pending', recipientEnc: await this.vault.sealRecipient(visit.practiceId, id, mssanteTo) }));
      }
      await this.audit.record({
        actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'report.signed', visitId,
        detail: { reportId: draft.id, version: draft.version, setId: draft.setId, destinations: draft.destinations, insIncluded: document.patient.ins !== null },
      });
      return rows;
    });
    if (draft.destinations.patient) this.scheduler.wake();
    for (const d of deliveries) {
      if (d.destination === 'dmp') await this.submitToDmp(d, document, cda);
      if (d.destination === 'mssante') await this.sendMssante(d, mssanteTo!, document, cda);
    }
    return this.view(visit);
  }

  /** Starts a correction: a new draft version of the same document set, from the newest signed version. */
  async correct(actor: Actor, visitId: string): Promise<VisitReport> {
    const visit = await this.writable(actor, visitId);
    await this.db.transaction(async () => {
      const versions = await this.reports.versions(visit.practiceId, visit.id);
      const latest = versions[0];
      if (!latest) throw new ReportException(ReportExceptionCode.REPORT_NOT_SIGNED);
      if (!latest.signedAt) return; // a correction is already being written
      const id = randomUUID();
      await this.reports.insert({
        id, practiceId: visit.practiceId, visitId: visit.id, authorId: actor.userId, setId: latest.setId, version: latest.version + 1, revision: 0,
        contentEnc: await this.vault.sealContent(visit.practiceId, id, await this.vault.content(latest)), destinations: latest.destinations,
      });
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'report.correction_started', visitId, detail: { reportId: id, version: latest.version + 1, replaces: latest.id } });
    });
    return this.view(visit);
  }

  /** Sends (or sends again) the newest signed version to the regular doctor by MSSanté. */
  async resendMssante(actor: Actor, visitId: string): Promise<VisitReport> {
    const visit = await this.writable(actor, visitId);
    if (!this.mssante.configured) throw new ReportException(ReportExceptionCode.MSSANTE_NOT_CONFIGURED);
    const signed = await this.latestSigned(visit);
    const patient = await this.patientVault.open(visit.patient);
    const to = patient.regularDoctorMssante ?? null;
    if (!to) throw new ReportException(ReportExceptionCode.MSSANTE_NO_RECIPIENT);
    let delivery = await this.reports.delivery(signed.id, 'mssante');
    await this.db.transaction(async () => {
      if (!delivery) {
        const id = randomUUID();
        delivery = await this.reports.insertDelivery({ id, practiceId: visit.practiceId, reportId: signed.id, destination: 'mssante', state: 'pending', recipientEnc: await this.vault.sealRecipient(visit.practiceId, id, to) });
      } else {
        if (!(await this.reports.claimDelivery(delivery.id))) throw new ReportException(ReportExceptionCode.MSSANTE_SEND_IN_PROGRESS);
        await this.reports.updateDelivery(delivery.id, { recipientEnc: await this.vault.sealRecipient(visit.practiceId, delivery.id, to) }, false);
      }
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'report.mssante_requested', visitId, detail: { reportId: signed.id, deliveryId: delivery.id } });
    });
    const document = await this.vault.document(signed);
    await this.sendMssante(delivery!, to, { ...document, recipient: { rpps: patient.regularDoctorRpps, mssante: to } }, await this.vault.cda(signed));
    return this.view(visit);
  }

  async setRegularDoctor(actor: Actor, visitId: string, body: RegularDoctorRequest): Promise<VisitReport> {
    const visit = await this.writable(actor, visitId);
    await this.db.transaction(async () => {
      await this.patients.update(visit.patientId, await this.patientVault.seal(visit.practiceId, visit.patientId, { regularDoctorRpps: body.rpps, regularDoctorMssante: body.mssante }));
      await this.audit.record({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'patient.updated', visitId, detail: { patientId: visit.patientId, fields: ['regularDoctorRpps', 'regularDoctorMssante'] } });
    });
    const reloaded = await this.access.visit(actor, visitId, 'code');
    return this.view(reloaded);
  }

  /** A signed version's document: PDF, CDA R2, FHIR document Bundle, or IHE XDM zip. */
  async file(actor: Actor, visitId: string, format: ReportFormat, version: number | undefined): Promise<ReportFile> {
    const visit = await this.access.visit(actor, visitId, 'clinical');
    const versions = (await this.reports.versions(visit.practiceId, visit.id)).filter((v) => v.signedAt);
    const row = version === undefined ? versions[0] : versions.find((v) => v.version === version);
    if (!row) throw new ReportException(ReportExceptionCode.REPORT_NOT_FOUND);
    await this.audit.recordAccess({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'report.downloaded', visitId, detail: { reportId: row.id, version: row.version, format } });
    return this.render(row, format);
  }

  /** What the patient's page shows: the newest version signed for them. */
  async patientInfo(token: string): Promise<PatientReportInfo> {
    const { row, visit } = await this.forPatient(token);
    return { version: row.version, signedAt: row.signedAt!.toISOString(), doctorName: visit.doctor.displayName };
  }

  async patientPdf(token: string): Promise<ReportFile> {
    const { row, visit } = await this.forPatient(token);
    await this.audit.recordAccess({ actorType: 'patient', actorId: visit.patientId, practiceId: visit.practiceId, action: 'report.downloaded', visitId: visit.id, detail: { reportId: row.id, version: row.version, format: 'pdf' } });
    return this.render(row, 'pdf');
  }

  /**
   * The patient's record: their visits, newest first, each with its report, documents and chat for the
   * clinical staff (the practice's doctors); assistants, billing staff and admins get dates and doctors only.
   */
  async record(actor: Actor, patientId: string): Promise<PatientRecord> {
    const clinical = actor.role === 'doctor';
    const patient = await this.access.patient(actor, patientId, actor.role === 'doctor' || actor.role === 'assistant' ? 'care' : 'bill');
    const visits = await this.patientVisits.ofPatient(patient.practiceId, patient.id);
    const mine = (_: VisitEntity) => clinical;
    const readable = visits.filter(mine).map((v) => v.id);
    const latest = await this.reports.latestOf(patient.practiceId, readable);
    const extra = clinical ? await this.extras.counts(patient.practiceId, readable) : { documents: null, chat: null };
    await this.audit.recordAccess({ actorType: 'user', actorId: actor.userId, practiceId: actor.practiceId, action: 'patient.record_viewed', detail: { patientId, clinical } });
    return {
      patientId: patient.id,
      clinical,
      visits: await Promise.all(
        visits.map(async (v) => {
          const r = latest.get(v.id);
          return {
            id: v.id,
            status: v.status,
            scheduledAt: v.scheduledAt.toISOString(),
            endedAt: v.endedAt?.toISOString() ?? null,
            doctor: { id: v.doctor.id, displayName: v.doctor.displayName },
            report: r ? { version: r.version, status: (r.signedAt ? 'signed' : 'draft') as ReportStatus, signedAt: r.signedAt?.toISOString() ?? null, reason: (await this.vault.content(r)).reason.slice(0, 200) } : null,
            documents: mine(v) ? (extra.documents?.get(v.id) ?? (extra.documents ? 0 : null)) : null,
            chatMessages: mine(v) ? (extra.chat?.get(v.id) ?? (extra.chat ? 0 : null)) : null,
          };
        }),
      ),
    };
  }

  // --- internals ----------------------------------------------------------------------------------------

  /** The visit's doctor writes and signs, once the consultation has ended. */
  private async writable(actor: Actor, visitId: string): Promise<VisitEntity> {
    const visit = await this.access.visit(actor, visitId, 'code');
    if (visit.status !== 'completed') throw new ReportException(ReportExceptionCode.REPORT_VISIT_NOT_ENDED);
    return visit;
  }

  private async latestSigned(visit: VisitEntity): Promise<VisitReportEntity> {
    const signed = (await this.reports.versions(visit.practiceId, visit.id)).find((v) => v.signedAt);
    if (!signed) throw new ReportException(ReportExceptionCode.REPORT_NOT_SIGNED);
    return signed;
  }

  private async forPatient(token: string): Promise<{ row: VisitReportEntity; visit: VisitEntity }> {
    const visit = await this.join.resolve(token);
    const row = (await this.reports.versions(visit.practiceId, visit.id)).find((v) => v.signedAt && v.destinations.patient);
    if (!row) throw new ReportException(ReportExceptionCode.REPORT_NOT_FOUND);
    return { row, visit };
  }

  private async render(row: VisitReportEntity, format: ReportFormat): Promise<ReportFile> {
    const base = `compte-rendu-${row.setId.slice(0, 8)}-v${row.version}`;
    if (format === 'pdf') return { body: await this.vault.pdf(row), contentType: 'application/pdf', filename: `${base}.pdf` };
    const cda = await this.vault.cda(row);
    if (format === 'cda') return { body: Buffer.from(cda, 'utf8'), contentType: 'application/xml; charset=utf-8', filename: `${base}.xml` };
    const document = await this.vault.document(row);
    if (format === 'xdm') return { body: renderXdmZip(document, Buffer.from(cda, 'utf8')), contentType: 'application/zip', filename: `${base}-xdm.zip` };
    const pdf = await this.vault.pdf(row);
    const bundle = renderReportFhir(document, pdf.toString('base64'), createHash('sha1').update(pdf).digest('base64'));
    return { body: Buffer.from(JSON.stringify(bundle, null, 2), 'utf8'), contentType: 'application/fhir+json; charset=utf-8', filename: `${base}.fhir.json` };
  }

  private async documentOf(visit: VisitEntity, draft: VisitReportEntity, patient: Patient, content: ReportContent, signedAt: Date, previous: VisitReportEntity | null): Promise<ReportDocument> {
    const facts = await this.facts.of(visit.practiceId);
    const practice = await this.practices.view(visit.practiceId);
    const address = practice.settings.address;
    const profile = await this.profiles.findByUserId(visit.doctorId);
    return {
      id: draft.id,
      setId: draft.setId,
      version: draft.version,
      replaces: previous ? { id: previous.id, version: previous.version } : null,
      signedAt,
      language: facts.language,
      content,
      visit: { id: visit.id, startedAt: visit.startedAt ?? visit.scheduledAt, endedAt: visit.endedAt ?? signedAt },
      patient: {
        id: patient.id,
        firstName: patient.firstName,
        lastName: patient.lastName,
        birthName: patient.birthName,
        birthDate: patient.birthDate,
        sex: patient.sex,
        ins: exportableIns(patient),
      },
      author: { id: visit.doctorId, displayName: visit.doctor.displayName, rpps: profile?.rpps ?? null },
      practice: {
        id: visit.practiceId,
        name: facts.name,
        address: address ? `${address.street}, ${address.postalCode} ${address.city}` : null,
        phone: facts.phone,
        timeZone: facts.timeZone,
      },
      recipient: draft.destinations.mssante && patient.regularDoctorMssante ? { rpps: patient.regularDoctorRpps, mssante: patient.regularDoctorMssante } : null,
    };
  }

  private async submitToDmp(delivery: ReportDeliveryEntity, document: ReportDocument, cda: string): Promise<void> {
    const result = await this.dmp.submit(document, cda).catch((e: Error) => ({ state: 'failed' as const, reason: e.message }));
    await this.db.transaction(async () => {
      await this.reports.updateDelivery(
        delivery.id,
        result.state === 'sent'
          ? { state: 'sent', sentAt: new Date(), messageId: result.reference, error: null }
          : result.state === 'failed'
            ? { state: 'failed', error: result.reason.slice(0, 500) }
            : { state: 'not_configured', error: null },
        true,
      );
      await this.audit.record({ actorType: 'system', actorId: null, practiceId: delivery.practiceId, action: 'report.dmp_submitted', visitId: document.visit.id, detail: { reportId: delivery.reportId, state: result.state } });
    });
  }

  private async sendMssante(delivery: ReportDeliveryEntity, to: string, document: ReportDocument, cda: string): Promise<void> {
    const lng = document.language;
    const patient = `${document.patient.lastName.toUpperCase()} ${document.patient.firstName}`;
    const date = new Intl.DateTimeFormat(lng, { dateStyle: 'long', timeZone: document.practice.timeZone }).format(document.visit.startedAt);
    const birthDate = new Intl.DateTimeFormat(lng, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${document.patient.birthDate}T00:00:00Z`));
    const attempt = delivery.attempts + 1;
    const result = await this.mssante.send({
      messageId: `<${delivery.id}.${attempt}@${new URL(this.config.publicUrl).hostname}>`,
      from: { name: `${document.author.displayName} (${document.practice.name})`, address: this.config.mssante.from ?? this.config.mail.from },
      to,
      subject: t(lng, 'report:mail.subject', { patient }),
      text: t(lng, 'report:mail.body', { patient, birthDate, date, doctor: document.author.displayName, practice: document.practice.name }),
      xdm: { filename: 'IHE_XDM.ZIP', content: renderXdmZip({ ...document, recipient: document.recipient ?? { rpps: null, mssante: to } }, Buffer.from(cda, 'utf8')) },
    });
    if (!result.ok) this.logger.warn(`report ${delivery.reportId}: MSSanté send failed: ${result.reason}`);
    await this.db.transaction(async () => {
      await this.reports.updateDelivery(delivery.id, result.ok ? { state: 'sent', sentAt: new Date(), error: null, messageId: result.response } : { state: 'failed', error: result.reason }, true);
      await this.audit.record({ actorType: 'system', actorId: null, practiceId: delivery.practiceId, action: result.ok ? 'report.mssante_sent' : 'report.mssante_failed', visitId: document.visit.id, detail: { reportId: delivery.reportId, deliveryId: delivery.id, attempt } });
    });
  }

  private async view(visit: VisitEntity): Promise<VisitReport> {
    const rows = await this.reports.versions(visit.practiceId, visit.id);
    const deliveries = await this.reports.deliveriesOf(rows.map((r) => r.id));
    const patient = await this.patientVault.open(visit.patient);
    const newestSigned = rows.find((r) => r.signedAt)?.version ?? 0;
    const versions: ReportVersion[] = await Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        setId: r.setId,
        version: r.version,
        status: !r.signedAt ? 'draft' : r.version < newestSigned ? 'superseded' : 'signed',
        content: await this.vault.content(r),
        destinations: r.destinations,
        revision: r.revision,
        author: { id: r.authorId, displayName: r.author?.displayName ?? '' },
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
        signedAt: r.signedAt?.toISOString() ?? null,
        pdfSha256: r.pdfSha256,
        deliveries: await Promise.all(deliveries.filter((d) => d.reportId === r.id).map((d) => this.deliveryView(d))),
      })),
    );
    const notes = rows.length ? {} : await this.notes.prefill(visit.practiceId, visit.id).catch(() => ({}));
    return {
      visitId: visit.id,
      visitStatus: visit.status,
      patient: {
        id: patient.id,
        firstName: patient.firstName,
        lastName: patient.lastName,
        identityQualified: exportableIns(patient) !== null,
        hasEmail: !!patient.email,
        hasPhone: !!patient.phone,
      },
      regularDoctor: { rpps: patient.regularDoctorRpps, mssante: patient.regularDoctorMssante ?? null },
      versions,
      prefill: Object.fromEntries(REPORT_SECTIONS.map((s) => [s, (notes as Partial<ReportContent>)[s] ?? EMPTY[s]])) as ReportContent,
      channels: { mssante: this.mssante.configured, dmp: this.dmp.configured },
    };
  }

  private async deliveryView(d: ReportDeliveryEntity): Promise<ReportDelivery> {
    return {
      id: d.id,
      destination: d.destination,
      state: d.state,
      recipient: await this.vault.recipient(d),
      error: d.error,
      attempts: d.attempts,
      sentAt: d.sentAt?.toISOString() ?? null,
      updatedAt: d.updatedAt.toISOString(),
    };
  }
}
