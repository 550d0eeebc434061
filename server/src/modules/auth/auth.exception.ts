import { DomainException } from '../../common/errors/domain.exception';

export enum AuthExceptionCode {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  NOT_AUTHENTICATED = 'NOT_AUTHENTICATED',
  FORBIDDEN_ROLE = 'FORBIDDEN_ROLE',
}

const MESSAGES: Record<AuthExceptionCode, string> = {
  [AuthExceptionCode.INVALID_CREDENTIALS]: 'Wrong e-mail address or password.',
  [AuthExceptionCode.NOT_AUTHENTICATED]: 'You are not signed in, or your session has expired. Please sign in again.',
  [AuthExceptionCode.FORBIDDEN_ROLE]: 'Your role does not allow this action.',
};

export class AuthException extends DomainException<AuthExceptionCode> {
  constructor(code: AuthExceptionCode) {
    super(code, code === AuthExceptionCode.FORBIDDEN_ROLE ? 'forbidden' : 'unauthorized', MESSAGES[code]);
  }
}
