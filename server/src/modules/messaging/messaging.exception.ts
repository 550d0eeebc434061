import { DomainException, DomainErrorKind } from '../../common/errors/domain.exception';

export enum MessagingExceptionCode {
  MESSAGE_NOT_FOUND = 'MESSAGE_NOT_FOUND',
  MESSAGE_ON_ITS_WAY = 'MESSAGE_ON_ITS_WAY',
  MESSAGE_OUTDATED = 'MESSAGE_OUTDATED',
  NO_ADDRESS_FOR_CHANNEL = 'NO_ADDRESS_FOR_CHANNEL',
  INVALID_CURSOR = 'INVALID_CURSOR',
}

const DEFINITIONS: Record<MessagingExceptionCode, [DomainErrorKind, string]> = {
  [MessagingExceptionCode.MESSAGE_NOT_FOUND]: ['not-found', 'This message does not exist.'],
  [MessagingExceptionCode.MESSAGE_ON_ITS_WAY]: ['conflict', 'This message is still on its way: it can be resent once it is sent, kept or failed.'],
  [MessagingExceptionCode.MESSAGE_OUTDATED]: ['conflict', 'This message no longer fits the visit (it is over, or it was cancelled): it cannot be resent.'],
  [MessagingExceptionCode.NO_ADDRESS_FOR_CHANNEL]: ['conflict', 'The patient has no e-mail address or phone number for this channel any more.'],
  [MessagingExceptionCode.INVALID_CURSOR]: ['bad-request', 'The page cursor is invalid: start again from the first page.'],
};

export class MessagingException extends DomainException<MessagingExceptionCode> {
  constructor(code: MessagingExceptionCode) {
    super(code, DEFINITIONS[code][0], DEFINITIONS[code][1]);
  }
}
