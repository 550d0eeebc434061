import { DomainException, DomainErrorKind } from '../../common/errors/domain.exception';

export enum AccessExceptionCode {
  ASSISTANT_CANNOT_JOIN = 'ASSISTANT_CANNOT_JOIN',
  DOCTOR_NOT_FOUND = 'DOCTOR_NOT_FOUND',
  NOT_YOUR_DOCTOR = 'NOT_YOUR_DOCTOR',
  DOCTOR_REQUIRED = 'DOCTOR_REQUIRED',
  PATIENT_NOT_FOUND = 'PATIENT_NOT_FOUND',
  STAFF_NOT_FOUND = 'STAFF_NOT_FOUND',
  ROLE_NOT_ALLOWED = 'ROLE_NOT_ALLOWED',
  CLINICAL_STAFF_ONLY = 'CLINICAL_STAFF_ONLY',
}

const DEFINITIONS: Record<AccessExceptionCode, [DomainErrorKind, string]> = {
  [AccessExceptionCode.ASSISTANT_CANNOT_JOIN]: ['forbidden', 'Assistants manage schedules and queues but never admit a patient or join a consultation.'],
  [AccessExceptionCode.DOCTOR_NOT_FOUND]: ['not-found', 'No doctor of your practice has this id.'],
  [AccessExceptionCode.NOT_YOUR_DOCTOR]: ['forbidden', 'You do not assist this doctor.'],
  [AccessExceptionCode.DOCTOR_REQUIRED]: ['bad-request', 'Say which doctor (doctorId): you assist several.'],
  [AccessExceptionCode.PATIENT_NOT_FOUND]: ['not-found', 'This patient does not exist.'],
  [AccessExceptionCode.STAFF_NOT_FOUND]: ['not-found', 'No account of your practice has this id.'],
  [AccessExceptionCode.ROLE_NOT_ALLOWED]: ['forbidden', 'Your role does not allow this action.'],
  [AccessExceptionCode.CLINICAL_STAFF_ONLY]: ['forbidden', 'Only the practice’s doctors can read a visit’s notes and clinical documents.'],
};

/** Refusals of the access helper: another practice's ids are "not found", never "forbidden". */
export class AccessException extends DomainException<AccessExceptionCode> {
  constructor(code: AccessExceptionCode) {
    super(code, DEFINITIONS[code][0], DEFINITIONS[code][1]);
  }
}
