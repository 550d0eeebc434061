import type { ControlTokenClaims, RoomMediaSummary } from '@visite/contracts';
import type { TokenVerifier } from '../auth/token-verifier';
import { SfuError, SfuErrorCode } from '../errors/sfu-error';
import type { ClosedRooms } from '../rooms/closed-rooms';
import type { MediaLedger } from '../rooms/media-ledger';
import type { MediaSampler } from '../rooms/media-sampler';
import type { RoomRegistry } from '../rooms/room-registry';

export interface ProducerStats {
  producerId: string;
  kind: 'audio' | 'video';
  source: string;
  paused: boolean;
  /** Bytes and packets received from the peer by this producer (summed over simulcast streams). */
  bytes: number;
  packets: number;
}

export interface RoomStats {
  roomId: string;
  peers: { peerId: string; role: string; displayName: string; joined: boolean; producers: ProducerStats[] }[];
}

/** What the server may ask of the SFU about one room, each request carrying a control token for it. */
export class RoomControl {
  readonly #verifier: TokenVerifier;
  readonly #registry: RoomRegistry;
  readonly #sampler: MediaSampler;
  readonly #ledger: MediaLedger;
  readonly #closedRooms: ClosedRooms;

  constructor(verifier: TokenVerifier, registry: RoomRegistry, sampler: MediaSampler, ledger: MediaLedger, closedRooms: ClosedRooms) {
    this.#verifier = verifier;
    this.#closedRooms = closedRooms;
    this.#registry = registry;
    this.#sampler = sampler;
    this.#ledger = ledger;
  }

  /**
   * Ends the visit: peers get `roomClosed { reason: 'visit-ended' }`, and the answer is what the room
   * carried (its producers are sampled as it closes). Idempotent: a room already closed (everybody
   * left) answers what the ledger holds for it, a room never seen answers zeros. From then on, for as
   * long as a token issued before could live, no token opens the room again (see ClosedRooms).
   */
  async closeRoom(authorization: string | undefined, roomId: string): Promise<RoomMediaSummary> {
    await this.#authorise(authorization, roomId, 'close-room');
    this.#closedRooms.add(roomId);
    this.#registry.close(roomId, 'visit-ended');
    await this.#sampler.settled(roomId);
    return this.#ledger.summary(roomId);
  }

  /**
   * Puts one peer out of a room (the patient withdrew their consent): its media ends at once, and its
   * tokens issued until now open nothing more for as long as they could live (a token issued later,
   * after a new consent, does). Idempotent; `closed` says whether the peer was in the room.
   */
  async closePeer(authorization: string | undefined, roomId: string, peerId: string): Promise<{ closed: boolean }> {
    const claims = await this.#authorise(authorization, roomId, 'close-peer');
    if (claims.peer !== peerId) throw new SfuError(SfuErrorCode.FORBIDDEN, 'the control token is for another peer');
    this.#closedRooms.revokePeer(roomId, peerId);
    const room = this.#registry.get(roomId);
    return { closed: !!room && !room.closed && room.expel(peerId, 'consent-withdrawn') };
  }

  async roomStats(authorization: string | undefined, roomId: string): Promise<RoomStats> {
    await this.#authorise(authorization, roomId, 'room-stats');
    const room = this.#registry.get(roomId);
    if (!room || room.closed) throw new SfuError(SfuErrorCode.ROOM_NOT_FOUND, `no open room ${roomId}`);
    const peers = await Promise.all(
      room.peers.map(async (peer) => ({
        peerId: peer.id,
        role: peer.role,
        displayName: peer.info.displayName,
        joined: peer.joined,
        producers: await Promise.all(
          peer.producers.map(async (producer): Promise<ProducerStats> => {
            const stats = await producer.getStats().catch(() => []);
            return {
              producerId: producer.id,
              kind: producer.kind,
              source: producer.appData.source,
              paused: producer.paused,
              bytes: stats.reduce((sum, s) => sum + s.byteCount, 0),
              packets: stats.reduce((sum, s) => sum + s.packetCount, 0),
            };
          }),
        ),
      })),
    );
    return { roomId, peers };
  }

  async #authorise(authorization: string | undefined, roomId: string, action: ControlTokenClaims['action']): Promise<ControlTokenClaims> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw new SfuError(SfuErrorCode.INVALID_TOKEN, 'send a control token as "Authorization: Bearer <token>"');
    const claims = await this.#verifier.verifyControlToken(match[1] as string);
    if (claims.room !== roomId) throw new SfuError(SfuErrorCode.FORBIDDEN, 'the control token is for another room');
    if (claims.action !== action) throw new SfuError(SfuErrorCode.FORBIDDEN, `the control token does not allow "${action}"`);
    return claims;
  }
}
