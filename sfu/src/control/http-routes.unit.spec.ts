import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '../logging/logger';
import type { WorkerPool } from '../workers/worker-pool';
import { HttpRoutes } from './http-routes';
import type { RoomControl } from './room-control';

/** Unit test (stub pool): readiness follows the pool's worker count. */
describe('HttpRoutes readiness (unit)', () => {
  let server: Server;
  const pool = { allAlive: true, closed: false, size: 2, aliveCount: 2 };

  beforeAll(async () => {
    const routes = new HttpRoutes(pool as unknown as WorkerPool, {} as RoomControl, new Logger('silent'));
    server = createServer(routes.handle);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const ready = () => fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/health/ready`);

  it('is 503 with the worker counts while a worker is missing, 200 once all are alive', async () => {
    Object.assign(pool, { allAlive: false, aliveCount: 1 });
    const down = await ready();
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unavailable', workers: 2, aliveWorkers: 1 });
    Object.assign(pool, { allAlive: true, aliveCount: 2 });
    expect((await ready()).status).toBe(200);
  });
});
