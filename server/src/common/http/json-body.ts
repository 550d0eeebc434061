import { INPUT_TOO_DEEP, jsonDepthExceeds, MAX_INPUT_DEPTH } from '@visite/contracts';
import type { IncomingMessage } from 'node:http';
import { InputException } from '../errors/input.exception';

/** Largest JSON body any route takes (a billing line coding is under 2 kB). */
export const JSON_BODY_LIMIT = '100kb';

/**
 * body-parser's `verify` hook: refuses a JSON body nested deeper than any Visite request before it is
 * parsed, so nothing (JSON.parse, the schemas, a service) ever walks a hostile depth.
 */
export function verifyJsonDepth(_req: IncomingMessage, _res: unknown, buf: Buffer): void {
  if (jsonDepthExceeds(buf.toString('utf8'), MAX_INPUT_DEPTH)) {
    const error = new InputException(INPUT_TOO_DEEP, `The request body is nested more than ${MAX_INPUT_DEPTH} levels deep.`);
    Object.assign(error, { status: 400 });
    throw error;
  }
}
