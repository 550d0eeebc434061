import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  CHECK_TOKEN_AUDIENCE,
  CHECK_TOKEN_TTL_SECONDS,
  CONTROL_TOKEN_AUDIENCE,
  ControlTokenClaims,
  MEDIA_TOKEN_ALG,
  MEDIA_TOKEN_AUDIENCE,
  MEDIA_TOKEN_ISSUER,
  MediaAccess,
  MediaTokenClaims,
} from '@visite/contracts';
import { importPKCS8, SignJWT } from 'jose';
import { AppConfig } from '../../config/app-config';

/**
 * Signs the short-lived tokens the SFU trusts (Ed25519: the SFU holds only the public key and cannot
 * mint tokens), and derives coturn REST-API credentials for TURN.
 */
@Injectable()
export class MediaTokenService {
  private readonly key: ReturnType<typeof importPKCS8>;

  constructor(private readonly config: AppConfig) {
    this.key = importPKCS8(config.mediaTokenPrivateKeyPem, MEDIA_TOKEN_ALG);
  }

  async mediaAccess(claims: MediaTokenClaims): Promise<MediaAccess> {
    return this.access(claims, MEDIA_TOKEN_AUDIENCE, this.config.mediaTokenTtlSeconds);
  }

  /**
   * A pre-call check token: its own audience, a check room (never a visit's: the SFU enforces both ways),
   * and a life of about a minute.
   */
  async checkAccess(claims: MediaTokenClaims): Promise<MediaAccess> {
    return this.access(claims, CHECK_TOKEN_AUDIENCE, CHECK_TOKEN_TTL_SECONDS);
  }

  private async access(claims: MediaTokenClaims, audience: string, ttlSeconds: number): Promise<MediaAccess> {
    const token = await new SignJWT({ room: claims.room, role: claims.role, name: claims.name })
      .setProtectedHeader({ alg: MEDIA_TOKEN_ALG })
      .setSubject(claims.sub)
      .setIssuer(MEDIA_TOKEN_ISSUER)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(await this.key);
    return { sfuUrl: this.config.sfuPublicUrl, token, roomId: claims.room, peerId: claims.sub, iceServers: this.iceServers(claims.sub), iceTransportPolicy: this.config.iceTransportPolicy };
  }

  async controlToken(claims: ControlTokenClaims): Promise<string> {
    return new SignJWT({ ...claims })
      .setProtectedHeader({ alg: MEDIA_TOKEN_ALG })
      .setIssuer(MEDIA_TOKEN_ISSUER)
      .setAudience(CONTROL_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('60s')
      .sign(await this.key);
  }

  /**
   * coturn's REST scheme (`use-auth-secret`): the username is "<expiry unix time>:<peer id>" and the
   * password base64(HMAC-SHA1(secret, username)); coturn refuses it after the expiry. The lifetime
   * (TURN_CREDENTIAL_TTL_SECONDS, 4 h by default) covers a long consultation, so a late reconnect works;
   * each reconnection fetches a fresh media access anyway.
   */
  private iceServers(peerId: string): MediaAccess['iceServers'] {
    if (!this.config.turn) return [];
    const username = `${Math.floor(Date.now() / 1000) + this.config.turn.credentialTtlSeconds}:${peerId}`;
    const credential = createHmac('sha1', this.config.turn.secret).update(username).digest('base64');
    return [{ urls: this.config.turn.urls, username, credential }];
  }
}
