import { findUnsafeInput, signalingRequestSchemas, type Ack, type SignalingRequestName } from '@visite/contracts';
import { toErrorBody } from '../errors/error-mapping';
import { SfuError, SfuErrorCode } from '../errors/sfu-error';
import type { Logger } from '../logging/logger';
import { benchHandlers } from './handlers/bench-handlers';
import { consumerHandlers } from './handlers/consumer-handlers';
import { producerHandlers } from './handlers/producer-handlers';
import { roomHandlers } from './handlers/room-handlers';
import { transportHandlers } from './handlers/transport-handlers';
import type { RequestContext, RequestHandler, RequestHandlers } from './signaling-types';

const handlers: RequestHandlers = { ...roomHandlers, ...transportHandlers, ...producerHandlers, ...consumerHandlers, ...benchHandlers };

function isRequestName(name: string): name is SignalingRequestName {
  return Object.prototype.hasOwnProperty.call(signalingRequestSchemas, name);
}

/**
 * Validates a request against its contract schema, runs its handler, and turns the outcome into an Ack.
 * Never throws: every failure becomes a refusal with a code.
 */
export class RequestDispatcher {
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  async dispatch(name: string, payload: unknown, context: Promise<RequestContext>): Promise<Ack<unknown>> {
    try {
      const data = await this.#run(name, payload, context);
      return { ok: true, data };
    } catch (err) {
      const error = toErrorBody(err);
      if (err instanceof SfuError) this.#logger.debug('request refused', { request: name, ...error });
      else this.#logger.warn('request failed', { request: name, ...error });
      return { ok: false, error };
    }
  }

  async #run(name: string, payload: unknown, context: Promise<RequestContext>): Promise<unknown> {
    if (!isRequestName(name)) throw new SfuError(SfuErrorCode.UNKNOWN_REQUEST, `unknown request "${name.slice(0, 100)}"`);
    const body = payload === undefined ? {} : payload;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new SfuError(SfuErrorCode.BAD_REQUEST, `the payload of "${name}" must be an object`);
    }
    // mediasoup's parameters travel as opaque objects: no hostile depth or invalid text reaches it.
    const unsafe = findUnsafeInput(body);
    if (unsafe) throw new SfuError(SfuErrorCode.BAD_REQUEST, `invalid "${name}" request: ${unsafe.path || 'payload'} ${unsafe.message}`);
    const parsed = signalingRequestSchemas[name].safeParse(body);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`);
      throw new SfuError(SfuErrorCode.BAD_REQUEST, `invalid "${name}" request: ${problems.join('; ')}`);
    }
    const ctx = await context;
    if (ctx.room.closed) throw new SfuError(SfuErrorCode.ROOM_CLOSED, 'the room is closed');
    if (ctx.peer.closed) throw new SfuError(SfuErrorCode.NOT_JOINED, 'this peer has left the room');
    const handler = handlers[name] as RequestHandler<SignalingRequestName>;
    return handler(ctx, parsed.data as never);
  }
}
