import { DomainException, DomainErrorKind } from '../../common/errors/domain.exception';

export enum ReportExceptionCode {
  REPORT_NOT_FOUND = 'REPORT_NOT_FOUND',
  REPORT_VISIT_NOT_ENDED = 'REPORT_VISIT_NOT_ENDED',
  REPORT_DRAFT_CONFLICT = 'REPORT_DRAFT_CONFLICT',
  REPORT_ALREADY_SIGNED = 'REPORT_ALREADY_SIGNED',
  REPORT_NOT_SIGNED = 'REPORT_NOT_SIGNED',
  REPORT_EMPTY = 'REPORT_EMPTY',
  MSSANTE_NOT_CONFIGURED = 'MSSANTE_NOT_CONFIGURED',
  MSSANTE_NO_RECIPIENT = 'MSSANTE_NO_RECIPIENT',
  MSSANTE_SEND_IN_PROGRESS = 'MSSANTE_SEND_IN_PROGRESS',
}

const DEFINITIONS: Record<ReportExceptionCode, [DomainErrorKind, string]> = {
  [ReportExceptionCode.REPORT_NOT_FOUND]: ['not-found', 'This visit has no signed report (or not this version).'],
  [ReportExceptionCode.REPORT_VISIT_NOT_ENDED]: ['conflict', 'The report is written once the consultation has ended.'],
  [ReportExceptionCode.REPORT_DRAFT_CONFLICT]: ['conflict', 'The draft was changed elsewhere (another tab or device) since this page read it: reload it before saving.'],
  [ReportExceptionCode.REPORT_ALREADY_SIGNED]: ['conflict', 'This report is signed and cannot be changed: start a correction (a new version).'],
  [ReportExceptionCode.REPORT_NOT_SIGNED]: ['conflict', 'There is no signed report to correct or send yet.'],
  [ReportExceptionCode.REPORT_EMPTY]: ['bad-request', 'The report is empty: write at least the reason or the findings.'],
  [ReportExceptionCode.MSSANTE_NOT_CONFIGURED]: ['conflict', 'No MSSanté relay is configured on this server (MSSANTE_SMTP_URL).'],
  [ReportExceptionCode.MSSANTE_NO_RECIPIENT]: ['bad-request', 'The patient has no regular doctor MSSanté address: add it first.'],
  [ReportExceptionCode.MSSANTE_SEND_IN_PROGRESS]: ['conflict', 'The report is being sent by MSSanté right now.'],
};

export class ReportException extends DomainException<ReportExceptionCode> {
  constructor(code: ReportExceptionCode) {
    super(code, DEFINITIONS[code][0], DEFINITIONS[code][1]);
  }
}
