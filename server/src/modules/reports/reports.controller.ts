import { Readable } from 'node:stream';
import { Controller, StreamableFile } from '@nestjs/common';
import { reportRoutes, type PatientRecord, type PatientReportInfo, type RouteInput, type VisitReport } from '@visite/contracts';
import { Endpoint, Input } from '../../common/http/endpoint.decorator';
import { Authenticated } from '../auth/authenticated.decorator';
import type { Actor } from '../practice/actor';
import { CurrentActor } from '../practice/current-actor.decorator';
import type { ReportFile } from './reports.service';
import { ReportsService } from './reports.service';

type In<K extends keyof typeof reportRoutes> = RouteInput<(typeof reportRoutes)[K]>;
const Care = () => Authenticated('doctor', 'assistant');

const download = (file: ReportFile, inline: boolean) =>
  new StreamableFile(Readable.from([file.body]), { type: file.contentType, length: file.body.length, disposition: `${inline ? 'inline' : 'attachment'}; filename="${file.filename}"` });

/** The visit report: the visit's doctor writes, signs and sends; the practice's doctors read. */
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Endpoint(reportRoutes.get)
  @Care()
  get(@CurrentActor() actor: Actor, @Input() { params }: In<'get'>): Promise<VisitReport> {
    return this.reports.get(actor, params.id);
  }

  @Endpoint(reportRoutes.saveDraft)
  @Care()
  saveDraft(@CurrentActor() actor: Actor, @Input() { params, body }: In<'saveDraft'>): Promise<VisitReport> {
    return this.reports.saveDraft(actor, params.id, body);
  }

  @Endpoint(reportRoutes.sign)
  @Care()
  sign(@CurrentActor() actor: Actor, @Input() { params, body }: In<'sign'>): Promise<VisitReport> {
    return this.reports.sign(actor, params.id, body.revision);
  }

  @Endpoint(reportRoutes.correct)
  @Care()
  correct(@CurrentActor() actor: Actor, @Input() { params }: In<'correct'>): Promise<VisitReport> {
    return this.reports.correct(actor, params.id);
  }

  @Endpoint(reportRoutes.sendMssante)
  @Care()
  sendMssante(@CurrentActor() actor: Actor, @Input() { params }: In<'sendMssante'>): Promise<VisitReport> {
    return this.reports.resendMssante(actor, params.id);
  }

  @Endpoint(reportRoutes.regularDoctor)
  @Care()
  regularDoctor(@CurrentActor() actor: Actor, @Input() { params, body }: In<'regularDoctor'>): Promise<VisitReport> {
    return this.reports.setRegularDoctor(actor, params.id, body);
  }

  @Endpoint(reportRoutes.file)
  @Care()
  async file(@CurrentActor() actor: Actor, @Input() { params, query }: In<'file'>): Promise<StreamableFile> {
    return download(await this.reports.file(actor, params.id, params.format, query.version), params.format === 'pdf');
  }

  /** Every role of the practice: clinical content only for doctors. */
  @Endpoint(reportRoutes.patientRecord)
  @Authenticated('doctor', 'assistant', 'billing', 'admin')
  record(@CurrentActor() actor: Actor, @Input() { params }: In<'patientRecord'>): Promise<PatientRecord> {
    return this.reports.record(actor, params.id);
  }

  @Endpoint(reportRoutes.patientInfo)
  patientInfo(@Input() { params }: In<'patientInfo'>): Promise<PatientReportInfo> {
    return this.reports.patientInfo(params.token);
  }

  @Endpoint(reportRoutes.patientPdf)
  async patientPdf(@Input() { params }: In<'patientPdf'>): Promise<StreamableFile> {
    return download(await this.reports.patientPdf(params.token), true);
  }
}
