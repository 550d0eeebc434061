import { DomainException, DomainErrorKind } from '../../common/errors/domain.exception';

export enum PatientExceptionCode {
  SEARCH_TOO_SHORT = 'SEARCH_TOO_SHORT',
  PATIENT_MATCHES_SEVERAL = 'PATIENT_MATCHES_SEVERAL',
  SAME_PATIENT = 'SAME_PATIENT',
}

const DEFINITIONS: Record<PatientExceptionCode, [DomainErrorKind, string]> = {
  [PatientExceptionCode.SEARCH_TOO_SHORT]: ['bad-request', 'Type at least 3 letters of a name, a date of birth (DD/MM/YYYY) or a phone number.'],
  [PatientExceptionCode.PATIENT_MATCHES_SEVERAL]: ['conflict', 'Several patients of the directory have these names and date of birth: pick the right one in the search.'],
  [PatientExceptionCode.SAME_PATIENT]: ['bad-request', 'These are the same record.'],
};

export class PatientException extends DomainException<PatientExceptionCode> {
  constructor(code: PatientExceptionCode) {
    super(code, DEFINITIONS[code][0], DEFINITIONS[code][1]);
  }
}
