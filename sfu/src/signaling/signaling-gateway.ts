import { SfuError, SfuErrorCode } from '../errors/sfu-error';
import type { Logger } from '../logging/logger';
import { Peer } from '../rooms/peer';
import type { RoomRegistry } from '../rooms/room-registry';
import type { TokenVerifier } from '../auth/token-verifier';
import type { ClosedRooms } from '../rooms/closed-rooms';
import { createHandshakeMiddleware, createOriginCheck } from './handshake-middleware';
import { RequestDispatcher } from './request-dispatcher';
import type { PlainTransportListen, RequestContext, SignalingServer, SignalingSocket } from './signaling-types';
import { SocketPeerChannel } from './socket-peer-channel';

/**
 * Wires socket.io to the rooms: authenticates the handshake, puts each socket's peer into the room of
 * its token (the only room it can ever act on), dispatches requests, and removes the peer on disconnect.
 */
export class SignalingGateway {
  readonly #registry: RoomRegistry;
  readonly #logger: Logger;
  readonly #dispatcher: RequestDispatcher;
  readonly #benchPlainTransports: PlainTransportListen | undefined;
  readonly #closedRooms: ClosedRooms;

  /**
   * `allowedOrigins`: the app's origins (SFU_CORS_ORIGIN), checked on the handshake's Origin;
   * `benchPlainTransports`: accept bench tokens and let them open plain SRTP transports (benchmark only).
   */
  constructor(
    io: SignalingServer,
    verifier: TokenVerifier,
    registry: RoomRegistry,
    closedRooms: ClosedRooms,
    allowedOrigins: string | string[],
    logger: Logger,
    benchPlainTransports?: PlainTransportListen,
  ) {
    this.#registry = registry;
    this.#closedRooms = closedRooms;
    this.#logger = logger;
    this.#dispatcher = new RequestDispatcher(logger);
    this.#benchPlainTransports = benchPlainTransports;
    io.use(createOriginCheck(allowedOrigins));
    io.use(createHandshakeMiddleware(verifier, closedRooms, { acceptBench: benchPlainTransports !== undefined }));
    io.on('connection', (socket) => this.#onConnection(socket));
  }

  #onConnection(socket: SignalingSocket): void {
    const { sub, room: roomId, role, name } = socket.data.claims;
    // Closed while the handshake was being verified.
    if (this.#closedRooms.has(roomId)) {
      socket.disconnect(true);
      return;
    }
    const plainTransports = socket.data.bench ? this.#benchPlainTransports : undefined;
    const peer = new Peer({ id: sub, role, displayName: name, channel: new SocketPeerChannel(socket) });

    // Listeners are attached synchronously so no request sent right after connecting is lost;
    // requests wait for the room to be ready.
    const kind = socket.data.check ? 'check' : 'visit';
    const context: Promise<RequestContext> = this.#registry.addPeer(roomId, peer, kind).then(
      (room) => {
        // Closed by the server while the room was being created for this peer.
        if (this.#closedRooms.has(roomId)) {
          room.close('visit-ended');
          throw new SfuError(SfuErrorCode.ROOM_CLOSED, 'this consultation has ended; its room is closed');
        }
        if (!socket.connected) room.removePeer(peer);
        return { room, peer, plainTransports };
      },
      (err: unknown) => {
        this.#logger.error('could not open the room for a peer', { roomId, peerId: sub, error: err });
        throw err instanceof SfuError ? err : new SfuError(SfuErrorCode.UNAVAILABLE, 'the room could not be opened; reconnect');
      },
    );
    context.catch(() => undefined);

    socket.on('disconnect', () => {
      context.then(({ room }) => room.removePeer(peer)).catch(() => undefined);
    });

    socket.onAny((event: string, ...args: unknown[]) => {
      const ack = args.length > 0 && typeof args[args.length - 1] === 'function' ? (args.pop() as (res: unknown) => void) : undefined;
      if (!ack) {
        this.#logger.debug('request without acknowledgement ignored', { request: String(event).slice(0, 100) });
        return;
      }
      void this.#dispatcher.dispatch(String(event), args[0], context).then(ack);
    });
  }
}
