import { Injectable, Logger } from '@nestjs/common';
import { roomMediaSummarySchema, type RoomMediaSummary } from '@visite/contracts';
import { AppConfig } from '../../config/app-config';
import { MediaTokenService } from './media-token.service';

/** What the server asks of the SFU, over its control endpoint, with a signed control token. */
@Injectable()
export class SfuControlService {
  private readonly logger = new Logger(SfuControlService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly tokens: MediaTokenService,
  ) {}

  /**
   * Closes a visit's media room and returns what the SFU carried in it (for billing's modality), or
   * null when the SFU could not be reached or answered something else. Best effort: peers are also
   * told by the realtime channel.
   */
  async closeRoom(roomId: string): Promise<RoomMediaSummary | null> {
    try {
      const token = await this.tokens.controlToken({ room: roomId, action: 'close-room' });
      const res = await fetch(`${this.config.sfuControlUrl}/control/rooms/${encodeURIComponent(roomId)}/close`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(5000),
      });
      if (!res.ok) {
        this.logger.warn(`SFU refused to close room ${roomId}: ${res.status} ${await res.text()}`);
        return null;
      }
      const answer = roomMediaSummarySchema.safeParse(await res.json().catch(() => null));
      if (!answer.success) this.logger.warn(`SFU answered the close of room ${roomId} with an unexpected body`);
      return answer.success ? answer.data : null;
    } catch (error) {
      this.logger.warn(`could not reach the SFU to close room ${roomId}: ${(error as Error).message}`);
      return null;
    }
  }

  /**
   * Puts one participant out of a visit's media room (consent withdrawn): the SFU closes their peer at
   * once and refuses their tokens issued until now. True when the SFU did it (whether or not the peer
   * was connected), false when it could not be reached or refused.
   */
  async closePeer(roomId: string, peerId: string): Promise<boolean> {
    try {
      const token = await this.tokens.controlToken({ room: roomId, action: 'close-peer', peer: peerId });
      const res = await fetch(`${this.config.sfuControlUrl}/control/rooms/${encodeURIComponent(roomId)}/peers/${encodeURIComponent(peerId)}/close`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(5000),
      });
      if (!res.ok) this.logger.warn(`SFU refused to close peer ${peerId} of room ${roomId}: ${res.status} ${await res.text()}`);
      return res.ok;
    } catch (error) {
      this.logger.warn(`could not reach the SFU to close peer ${peerId} of room ${roomId}: ${(error as Error).message}`);
      return false;
    }
  }
}
