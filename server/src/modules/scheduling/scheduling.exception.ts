import type { SchedulingErrorCode } from '@visite/contracts';
import { DomainException, DomainErrorKind } from '../../common/errors/domain.exception';

const DEFINITIONS: Record<SchedulingErrorCode, [DomainErrorKind, string]> = {
  HOURS_END_BEFORE_START: ['bad-request', 'An opening range ends before it starts.'],
  HOURS_OVERLAP: ['bad-request', 'Two opening ranges of the same day overlap.'],
  ABSENCE_END_BEFORE_START: ['bad-request', 'The absence ends before it starts.'],
  ABSENCE_NOT_FOUND: ['not-found', 'This absence does not exist.'],
  VISIT_TYPE_NOT_FOUND: ['not-found', 'This visit type does not exist.'],
  VISIT_TYPE_NOT_OFFERED: ['bad-request', 'This doctor does not offer this visit type.'],
  SLOT_IN_PAST: ['bad-request', 'This time is in the past.'],
  SLOT_UNDER_NOTICE: ['bad-request', 'This time is too soon to be booked.'],
  SLOT_BEYOND_HORIZON: ['bad-request', 'This time is too far ahead to be booked.'],
  SLOT_OUTSIDE_HOURS: ['bad-request', 'This time is not one of the doctor’s slots.'],
  SLOT_DURING_ABSENCE: ['bad-request', 'The doctor is away at this time.'],
  SLOT_TAKEN: ['conflict', 'This slot has just been taken. Please choose another one.'],
  RANGE_TOO_LONG: ['bad-request', 'Ask for at most 62 days at a time.'],
  BOOKING_NOT_FOUND: ['not-found', 'This booking page does not exist.'],
  CHANGE_TOO_LATE: ['conflict', 'It is too late to change this appointment online. Please call the practice.'],
  NOT_A_BOOKING: ['conflict', 'This visit was not booked in a slot and cannot be moved.'],
  PRACTICE_WIDE_ADMIN_ONLY: ['forbidden', 'Only an administrator changes what applies to the whole practice.'],
};

export class SchedulingException extends DomainException<SchedulingErrorCode> {
  constructor(code: SchedulingErrorCode) {
    super(code, DEFINITIONS[code][0], DEFINITIONS[code][1]);
  }
}
