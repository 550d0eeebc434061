import type { InputIssue } from '@visite/contracts';
import { DomainException } from './domain.exception';

/**
 * A request refused at the edge: it does not match its route's schemas (`VALIDATION_FAILED`), holds
 * text no route accepts (`INVALID_TEXT`), or is nested too deep (`INPUT_TOO_DEEP`). Always a 400.
 */
export class InputException extends DomainException<string> {
  constructor(
    code: string,
    message: string,
    readonly issues: InputIssue[] = [],
  ) {
    super(code, 'bad-request', message);
  }
}
