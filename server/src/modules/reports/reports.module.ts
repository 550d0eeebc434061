import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../../config/app-config';
import { BillingModule } from '../billing/billing.module';
import { JoinModule } from '../join/join.module';
import { OutboxModule } from '../messaging/outbox.module';
import { NotesModule } from '../notes/notes.module';
import { PatientVisitsRepository } from '../patients/patient-visits.repository';
import { VisitEntity } from '../visits/visit.entity';
import { DmpSubmitter, NotConfiguredDmpSubmitter } from './dmp-submitter';
import { MssanteRelay, NotConfiguredMssanteRelay, SmtpMssanteRelay } from './mssante-relay';
import { ReportVault } from './report-vault';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { NotesPrefill, NoVisitRecordExtras, VisitNotesSource, VisitRecordExtras } from './visit-notes-source';

/** The visit report and the patient's record (docs/report.md). */
@Module({
  imports: [TypeOrmModule.forFeature([VisitEntity]), BillingModule, JoinModule, OutboxModule, NotesModule],
  controllers: [ReportsController],
  providers: [
    ReportsRepository,
    ReportVault,
    ReportsService,
    PatientVisitsRepository,
    { provide: VisitNotesSource, useClass: NotesPrefill },
    { provide: VisitRecordExtras, useClass: NoVisitRecordExtras },
    { provide: DmpSubmitter, useClass: NotConfiguredDmpSubmitter },
    { provide: MssanteRelay, inject: [AppConfig], useFactory: (c: AppConfig) => (c.mssante.smtp ? new SmtpMssanteRelay(c.mssante.smtp) : new NotConfiguredMssanteRelay()) },
  ],
})
export class ReportsModule {}
