import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorBody } from '@visite/contracts';
import { httpStatusOf, toErrorBody } from '../errors/error-mapping';
import { SfuError, SfuErrorCode } from '../errors/sfu-error';
import type { Logger } from '../logging/logger';
import type { WorkerPool } from '../workers/worker-pool';
import type { RoomControl } from './room-control';

const ROOM_ROUTE = /^\/control\/rooms\/([^/]+)\/(close|stats)$/;
const PEER_ROUTE = /^\/control\/rooms\/([^/]+)\/peers\/([^/]+)\/close$/;
const MAX_ROOM_ID_LENGTH = 100;

/**
 * The SFU's HTTP surface (socket.io handles /socket.io/ on the same server):
 *   GET  /health/live                     200 { status: 'ok' }
 *   GET  /health/ready                    200 or 503 { status, workers, aliveWorkers }
 *   POST /control/rooms/:roomId/close     200 RoomMediaSummary (what the room carried, per side and kind;
 *                                         zeros for a room never seen; idempotent: also when already closed)
 *   GET  /control/rooms/:roomId/stats     200 RoomStats, 404 if no open room
 *   POST /control/rooms/:roomId/peers/:peerId/close   200 { closed }: puts one peer out (consent
 *                                         withdrawn); its tokens issued until now are refused from then on
 * Errors are JSON `{ code, message }`; bad input never yields a 500.
 */
export class HttpRoutes {
  readonly #pool: WorkerPool;
  readonly #control: RoomControl;
  readonly #logger: Logger;

  constructor(pool: WorkerPool, control: RoomControl, logger: Logger) {
    this.#pool = pool;
    this.#control = control;
    this.#logger = logger;
  }

  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    this.#route(req, res).catch((err: unknown) => {
      const body = toErrorBody(err);
      const status = httpStatusOf(body);
      if (status >= 500) this.#logger.error('http request failed', { url: req.url, ...body });
      sendJson(res, status, body);
    });
  };

  async #route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    req.resume();
    const path = (req.url ?? '/').split('?')[0] as string;
    const method = req.method ?? 'GET';

    if (method === 'GET' && path === '/health/live') return sendJson(res, 200, { status: 'ok' });
    if (method === 'GET' && path === '/health/ready') {
      const ready = this.#pool.allAlive && !this.#pool.closed;
      return sendJson(res, ready ? 200 : 503, {
        status: ready ? 'ok' : 'unavailable',
        workers: this.#pool.size,
        aliveWorkers: this.#pool.aliveCount,
      });
    }

    const match = ROOM_ROUTE.exec(path);
    if (match) {
      const roomId = decodeRoomId(match[1] as string);
      const authorization = req.headers.authorization;
      if (match[2] === 'close' && method === 'POST') return sendJson(res, 200, await this.#control.closeRoom(authorization, roomId));
      if (match[2] === 'stats' && method === 'GET') return sendJson(res, 200, await this.#control.roomStats(authorization, roomId));
    }
    const peerMatch = PEER_ROUTE.exec(path);
    if (peerMatch && method === 'POST') {
      const roomId = decodeRoomId(peerMatch[1] as string);
      const peerId = decodeRoomId(peerMatch[2] as string);
      return sendJson(res, 200, await this.#control.closePeer(req.headers.authorization, roomId, peerId));
    }
    throw new SfuError(SfuErrorCode.NOT_FOUND, `no route ${method} ${path.slice(0, 200)}`);
  }
}

function decodeRoomId(raw: string): string {
  let roomId: string;
  try {
    roomId = decodeURIComponent(raw);
  } catch {
    throw new SfuError(SfuErrorCode.BAD_REQUEST, 'the room id is not validly encoded');
  }
  if (roomId.length === 0 || roomId.length > MAX_ROOM_ID_LENGTH) throw new SfuError(SfuErrorCode.BAD_REQUEST, 'the room id is invalid');
  return roomId;
}

function sendJson(res: ServerResponse, status: number, body: object | ErrorBody): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
