import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { TokenVerifier } from './auth/token-verifier';
import type { SfuConfig } from './config';
import { HttpRoutes } from './control/http-routes';
import { RoomControl } from './control/room-control';
import { Logger } from './logging/logger';
import { ClosedRooms } from './rooms/closed-rooms';
import { MediaLedger } from './rooms/media-ledger';
import { MediaSampler } from './rooms/media-sampler';
import { RoomRegistry } from './rooms/room-registry';
import { SignalingGateway } from './signaling/signaling-gateway';
import type { SignalingServer } from './signaling/signaling-types';
import { WorkerPool } from './workers/worker-pool';

export interface Sfu {
  readonly httpServer: HttpServer;
  readonly io: SignalingServer;
  readonly pool: WorkerPool;
  readonly rooms: RoomRegistry;
  /** What each room carried, per side and kind (answered by the close-room control request). */
  readonly media: MediaLedger;
  /** Rooms the server closed, refused to every token for as long as tokens live. */
  readonly closedRooms: ClosedRooms;
  /** The bound address (useful with port 0). */
  address(): AddressInfo;
  /** Closes rooms, sockets, the HTTP server and the workers. */
  close(): Promise<void>;
}

/** Starts workers, then the HTTP + socket.io server listening on config.host:config.port. */
export async function createSfu(config: SfuConfig, logger = new Logger(config.logLevel)): Promise<Sfu> {
  const verifier = await TokenVerifier.create(config.mediaTokenPublicKey, {
    maxLifetimeSeconds: config.maxTokenLifetimeSeconds,
    clockSkewSeconds: config.tokenClockSkewSeconds,
  });
  const closedRooms = new ClosedRooms(verifier.longestValidityMs);
  const pool = await WorkerPool.create(config, logger.child('workers'));
  const media = new MediaLedger();
  const sampler = new MediaSampler(media, logger.child('media'));
  const rooms = new RoomRegistry(pool, sampler, logger.child('rooms'));
  const routes = new HttpRoutes(pool, new RoomControl(verifier, rooms, sampler, media, closedRooms), logger.child('http'));
  const httpServer = createServer(routes.handle);
  const io: SignalingServer = new Server(httpServer, {
    cors: { origin: config.corsOrigin, credentials: false },
    serveClient: false,
    maxHttpBufferSize: 1e6,
  });
  const benchPlainTransports = config.benchPlainTransports ? { ip: config.listenIp, announcedAddress: config.announcedAddress } : undefined;
  if (benchPlainTransports) logger.warn('benchmark mode: bench tokens may open plain SRTP transports (SFU_BENCH_PLAIN_TRANSPORTS=true)');
  new SignalingGateway(io, verifier, rooms, closedRooms, config.corsOrigin, logger.child('signaling'), benchPlainTransports);

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    pool.close();
    throw err;
  }
  sampler.start(config.mediaSampleIntervalMs, () => rooms.rooms);
  logger.info('sfu listening', { address: httpServer.address() });

  let closing: Promise<void> | undefined;
  return {
    httpServer,
    io,
    pool,
    rooms,
    media,
    closedRooms,
    address: () => httpServer.address() as AddressInfo,
    close: () => {
      closing ??= (async () => {
        sampler.stop();
        // Peers are told to reconnect (as when a worker dies): they get a fresh room once the SFU is back.
        rooms.closeAll('worker-died');
        pool.close();
        await new Promise<void>((resolve) => io.close(() => resolve()));
      })();
      return closing;
    },
  };
}
