import { DomainException, DomainErrorKind } from '../../common/errors/domain.exception';

export enum BillingExceptionCode {
  LINE_NOT_FOUND = 'LINE_NOT_FOUND',
  BATCH_NOT_FOUND = 'BATCH_NOT_FOUND',
  PATIENT_NOT_FOUND = 'PATIENT_NOT_FOUND',
  PRACTITIONER_NOT_FOUND = 'PRACTITIONER_NOT_FOUND',
  VISIT_NOT_COMPLETED = 'VISIT_NOT_COMPLETED',
  NO_BILLING_PROFILE = 'NO_BILLING_PROFILE',
  LINE_EXPORTED = 'LINE_EXPORTED',
  LINE_VOIDED = 'LINE_VOIDED',
  LINE_NOT_VOIDED_EXPORT = 'LINE_NOT_VOIDED_EXPORT',
  ALREADY_REISSUED = 'ALREADY_REISSUED',
  NOTHING_TO_ACKNOWLEDGE = 'NOTHING_TO_ACKNOWLEDGE',
  NOTHING_TO_EXPORT = 'NOTHING_TO_EXPORT',
  INVALID_PERIOD = 'INVALID_PERIOD',
  INVALID_CURSOR = 'INVALID_CURSOR',
  LINE_CHANGED = 'LINE_CHANGED',
}

const DEFINITIONS: Record<BillingExceptionCode, [DomainErrorKind, string]> = {
  [BillingExceptionCode.LINE_NOT_FOUND]: ['not-found', 'This billed line does not exist.'],
  [BillingExceptionCode.BATCH_NOT_FOUND]: ['not-found', 'This export batch does not exist.'],
  [BillingExceptionCode.PATIENT_NOT_FOUND]: ['not-found', 'This patient does not exist.'],
  [BillingExceptionCode.PRACTITIONER_NOT_FOUND]: ['not-found', 'No doctor has this id.'],
  [BillingExceptionCode.VISIT_NOT_COMPLETED]: ['conflict', 'Only a completed visit can be coded for billing.'],
  [BillingExceptionCode.NO_BILLING_PROFILE]: ['conflict', 'This doctor has no billing profile (RPPS, Assurance Maladie number, sector): billing staff must set it up first.'],
  [BillingExceptionCode.LINE_EXPORTED]: ['conflict', 'This line is already in an export batch: it cannot change. Void it and reissue a corrected line.'],
  [BillingExceptionCode.LINE_VOIDED]: ['conflict', 'This line is voided.'],
  [BillingExceptionCode.LINE_NOT_VOIDED_EXPORT]: ['conflict', 'Only a voided line that had been exported can be reissued.'],
  [BillingExceptionCode.ALREADY_REISSUED]: ['conflict', 'This visit already has an open line: correct that one.'],
  [BillingExceptionCode.NOTHING_TO_ACKNOWLEDGE]: ['conflict', 'This line has no warnings waiting for acknowledgement.'],
  [BillingExceptionCode.NOTHING_TO_EXPORT]: ['conflict', 'No line is ready for export in this period (blocked lines and unacknowledged warnings are left out).'],
  [BillingExceptionCode.INVALID_PERIOD]: ['bad-request', 'The period is invalid: "from" must be on or before "to", both written YYYY-MM-DD, at most 3 years apart.'],
  [BillingExceptionCode.INVALID_CURSOR]: ['bad-request', 'The page cursor is invalid: start again from the first page.'],
  [BillingExceptionCode.LINE_CHANGED]: ['conflict', 'This line changed meanwhile (exported or voided by someone else). Reload it.'],
};

export class BillingException extends DomainException<BillingExceptionCode> {
  constructor(code: BillingExceptionCode, message?: string) {
    super(code, DEFINITIONS[code][0], message ?? DEFINITIONS[code][1]);
  }
}
