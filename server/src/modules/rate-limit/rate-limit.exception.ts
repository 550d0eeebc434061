import { RATE_LIMITED } from '@visite/contracts';
import { DomainException } from '../../common/errors/domain.exception';

/** 429 `RATE_LIMITED`: too many attempts; `retryAfterSeconds` says when the next one is accepted. */
export class RateLimitedException extends DomainException<typeof RATE_LIMITED> {
  constructor(readonly retryAfterSeconds: number) {
    super(RATE_LIMITED, 'too-many-requests', `Too many attempts. Try again in ${retryAfterSeconds} s.`);
  }
}
