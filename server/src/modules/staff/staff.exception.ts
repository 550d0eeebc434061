import { DomainException, DomainErrorKind } from '../../common/errors/domain.exception';

export enum StaffExceptionCode {
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  ASSISTS_ONLY_FOR_ASSISTANTS = 'ASSISTS_ONLY_FOR_ASSISTANTS',
  ASSISTED_NOT_A_DOCTOR = 'ASSISTED_NOT_A_DOCTOR',
  LAST_ADMIN = 'LAST_ADMIN',
  CANNOT_DISABLE_SELF = 'CANNOT_DISABLE_SELF',
  ACCOUNT_DISABLED = 'ACCOUNT_DISABLED',
  PASSWORD_LINK_INVALID = 'PASSWORD_LINK_INVALID',
  PASSWORD_LINK_EXPIRED = 'PASSWORD_LINK_EXPIRED',
  PASSWORD_LINK_USED = 'PASSWORD_LINK_USED',
  PASSWORD_TOO_COMMON = 'PASSWORD_TOO_COMMON',
}

const DEFINITIONS: Record<StaffExceptionCode, [DomainErrorKind, string]> = {
  [StaffExceptionCode.EMAIL_TAKEN]: ['conflict', 'An account with this e-mail address already exists.'],
  [StaffExceptionCode.ASSISTS_ONLY_FOR_ASSISTANTS]: ['bad-request', 'Only an assistant assists doctors: leave "assists" empty for other roles.'],
  [StaffExceptionCode.ASSISTED_NOT_A_DOCTOR]: ['not-found', 'An assisted doctor is not a doctor of your practice.'],
  [StaffExceptionCode.LAST_ADMIN]: ['conflict', 'This is the practice’s last active admin: make someone else admin first.'],
  [StaffExceptionCode.CANNOT_DISABLE_SELF]: ['conflict', 'You cannot disable your own account.'],
  [StaffExceptionCode.ACCOUNT_DISABLED]: ['conflict', 'This account is disabled: enable it first.'],
  [StaffExceptionCode.PASSWORD_LINK_INVALID]: ['not-found', 'This link is not valid. Check that you opened the whole link, or ask your practice’s admin for a new one.'],
  [StaffExceptionCode.PASSWORD_LINK_EXPIRED]: ['gone', 'This link has expired. Ask your practice’s admin for a new one.'],
  [StaffExceptionCode.PASSWORD_LINK_USED]: ['gone', 'This link has already been used. Sign in with your password, or ask your practice’s admin for a new link.'],
  [StaffExceptionCode.PASSWORD_TOO_COMMON]: ['bad-request', 'This password is too common or too easy to guess. Choose a longer passphrase of your own.'],
};

export class StaffException extends DomainException<StaffExceptionCode> {
  constructor(code: StaffExceptionCode) {
    super(code, DEFINITIONS[code][0], DEFINITIONS[code][1]);
  }
}
