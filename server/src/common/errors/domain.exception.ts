/** HTTP statuses a domain error may map to; the mapping to a response happens in one place only. */
export type DomainErrorKind = 'bad-request' | 'unauthorized' | 'forbidden' | 'not-found' | 'conflict' | 'gone' | 'too-many-requests';

/**
 * Base of every typed domain error. Each module declares its own subclass with an exhaustive code
 * enum (see `*.exception.ts`); filters turn them into HTTP bodies and socket refusals.
 */
export abstract class DomainException<Code extends string = string> extends Error {
  /** What the client needs to recover (sent as the body's `detail`): ids, versions, never secrets. */
  detail?: Record<string, unknown>;

  protected constructor(
    readonly code: Code,
    readonly kind: DomainErrorKind,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
