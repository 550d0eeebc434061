import type { Ack } from '@visite/contracts';
import { toErrorResponse } from './error-mapping';

/** Runs a socket request handler and answers with an Ack: the socket twin of AllExceptionsFilter. */
export async function toAck<T>(run: () => Promise<T>): Promise<Ack<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    return { ok: false, error: toErrorResponse(error).body };
  }
}
