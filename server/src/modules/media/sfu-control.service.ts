import { Injectable, Logger } from '@nestjs/common';
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

  /** Closes a visit's media room. Best effort: peers are also told by the realtime channel. */
  async closeRoom(roomId: string): Promise<void> {
    try {
      const token = await this.tokens.controlToken({ room: roomId, action: 'close-room' });
      const res = await fetch(`${this.config.sfuControlUrl}/control/rooms/${encodeURIComponent(roomId)}/close`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(5000),
      });
      if (!res.ok) this.logger.warn(`SFU refused to close room ${roomId}: ${res.status} ${await res.text()}`);
    } catch (error) {
      this.logger.warn(`could not reach the SFU to close room ${roomId}: ${(error as Error).message}`);
    }
  }
}
