import { DomainErrorKind, DomainException } from '../../common/errors/domain.exception';

export enum ConsentExceptionCode {
  /** No current consent: none given yet (media and the waiting room stay closed). */
  CONSENT_REQUIRED = 'CONSENT_REQUIRED',
  /** The participant withdrew their consent: no media until they give it again. */
  CONSENT_WITHDRAWN = 'CONSENT_WITHDRAWN',
  /** The texts answered are not the versions in force (the practice edited one meanwhile). */
  CONSENT_VERSION_OUTDATED = 'CONSENT_VERSION_OUTDATED',
  /** A required kind is missing from the answer. */
  CONSENT_INCOMPLETE = 'CONSENT_INCOMPLETE',
  /** Nothing to withdraw: no consent is in force. */
  CONSENT_NOTHING_TO_WITHDRAW = 'CONSENT_NOTHING_TO_WITHDRAW',
  /** The teleconsultation text needs its audio-only wording in both languages. */
  CONSENT_AUDIO_TEXT_REQUIRED = 'CONSENT_AUDIO_TEXT_REQUIRED',
  /** Two answers crossed; the later one was not stored. */
  CONSENT_CONFLICT = 'CONSENT_CONFLICT',
}

const DEFINITIONS: Record<ConsentExceptionCode, [DomainErrorKind, string]> = {
  [ConsentExceptionCode.CONSENT_REQUIRED]: ['conflict', 'Please read and accept the consent before entering the waiting room.'],
  [ConsentExceptionCode.CONSENT_WITHDRAWN]: ['conflict', 'You withdrew your consent: the consultation cannot go on by video or audio unless you give it again.'],
  [ConsentExceptionCode.CONSENT_VERSION_OUTDATED]: ['conflict', 'The consent text has changed. Please reload the page and read it again.'],
  [ConsentExceptionCode.CONSENT_INCOMPLETE]: ['bad-request', 'Please accept each of the texts shown.'],
  [ConsentExceptionCode.CONSENT_NOTHING_TO_WITHDRAW]: ['conflict', 'There is no consent in force to withdraw.'],
  [ConsentExceptionCode.CONSENT_AUDIO_TEXT_REQUIRED]: ['bad-request', 'The consultation text needs its audio-only wording, in French and in English.'],
  [ConsentExceptionCode.CONSENT_CONFLICT]: ['conflict', 'Another answer was recorded at the same moment. Please try again.'],
};

export class ConsentException extends DomainException<ConsentExceptionCode> {
  constructor(code: ConsentExceptionCode) {
    super(code, DEFINITIONS[code][0], DEFINITIONS[code][1]);
  }
}
