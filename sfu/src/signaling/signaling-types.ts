import type { Server, Socket } from 'socket.io';
import type {
  MediaTokenClaims,
  SignalingClientEvents,
  SignalingRequest,
  SignalingRequestName,
  SignalingResponses,
  SignalingServerEvents,
} from '@visite/contracts';
import type { Peer } from '../rooms/peer';
import type { Room } from '../rooms/room';

export interface SocketData {
  /** Set by the handshake middleware: the verified media token. Its `room` is the only room this socket can act on. */
  claims: MediaTokenClaims;
  /** The token has the benchmark audience (only on an SFU started with SFU_BENCH_PLAIN_TRANSPORTS=true). */
  bench: boolean;
  /** A pre-call check token: its room is a check room (one participant, media looped back to it). */
  check: boolean;
}

export type SignalingServer = Server<SignalingClientEvents, SignalingServerEvents, Record<string, never>, SocketData>;
export type SignalingSocket = Socket<SignalingClientEvents, SignalingServerEvents, Record<string, never>, SocketData>;

/** What a request handler acts on: the socket's peer in the token's room. */
export interface RequestContext {
  room: Room;
  peer: Peer;
  /** Set only for a bench socket on an SFU that allows plain SRTP transports: where they listen. */
  plainTransports?: PlainTransportListen;
}

export interface PlainTransportListen {
  ip: string;
  announcedAddress: string;
}

export type RequestHandler<N extends SignalingRequestName> = (
  ctx: RequestContext,
  payload: SignalingRequest<N>,
) => Promise<SignalingResponses[N]>;

export type RequestHandlers<N extends SignalingRequestName = SignalingRequestName> = { [K in N]: RequestHandler<K> };
