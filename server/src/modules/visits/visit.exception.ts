import { DomainException, DomainErrorKind } from '../../common/errors/domain.exception';

export enum VisitExceptionCode {
  VISIT_NOT_FOUND = 'VISIT_NOT_FOUND',
  NOT_YOUR_VISIT = 'NOT_YOUR_VISIT',
  JOIN_LINK_INVALID = 'JOIN_LINK_INVALID',
  JOIN_LINK_EXPIRED = 'JOIN_LINK_EXPIRED',
  VISIT_NOT_WAITING = 'VISIT_NOT_WAITING',
  VISIT_NOT_IN_PROGRESS = 'VISIT_NOT_IN_PROGRESS',
  VISIT_CLOSED = 'VISIT_CLOSED',
  INVALID_SCHEDULE = 'INVALID_SCHEDULE',
}

const DEFINITIONS: Record<VisitExceptionCode, [DomainErrorKind, string]> = {
  [VisitExceptionCode.VISIT_NOT_FOUND]: ['not-found', 'This visit does not exist.'],
  [VisitExceptionCode.NOT_YOUR_VISIT]: ['forbidden', 'This visit belongs to another doctor.'],
  [VisitExceptionCode.JOIN_LINK_INVALID]: ['not-found', 'This link is not valid. Check that you opened the whole link from your message, or ask the practice for a new one.'],
  [VisitExceptionCode.JOIN_LINK_EXPIRED]: ['gone', 'This link has expired. Ask the practice for a new one.'],
  [VisitExceptionCode.VISIT_NOT_WAITING]: ['conflict', 'The patient is not in the waiting room.'],
  [VisitExceptionCode.VISIT_NOT_IN_PROGRESS]: ['conflict', 'The consultation has not started or is over.'],
  [VisitExceptionCode.VISIT_CLOSED]: ['conflict', 'This visit is over.'],
  [VisitExceptionCode.INVALID_SCHEDULE]: ['bad-request', 'The appointment time must be within the next year and not in the past day.'],
};

export class VisitException extends DomainException<VisitExceptionCode> {
  constructor(code: VisitExceptionCode) {
    super(code, DEFINITIONS[code][0], DEFINITIONS[code][1]);
  }
}
