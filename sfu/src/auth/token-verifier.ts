import { errors as joseErrors, importSPKI, jwtVerify } from 'jose';
import type { z } from 'zod';
import {
  BENCH_TOKEN_AUDIENCE,
  CHECK_TOKEN_AUDIENCE,
  CHECK_TOKEN_MAX_LIFETIME_SECONDS,
  CONTROL_TOKEN_AUDIENCE,
  isCheckRoom,
  MEDIA_TOKEN_ALG,
  MEDIA_TOKEN_AUDIENCE,
  MEDIA_TOKEN_ISSUER,
  controlTokenClaimsSchema,
  mediaTokenClaimsSchema,
  type ControlTokenClaims,
  type MediaTokenClaims,
} from '@visite/contracts';
import { SfuError, SfuErrorCode } from '../errors/sfu-error';

type PublicKey = Awaited<ReturnType<typeof importSPKI>>;

/**
 * A verified media token; `bench` when it has the benchmark audience (accepted only if asked for);
 * `check` when it is a pre-call check token (its room is a check room, see CHECK_TOKEN_AUDIENCE).
 */
export interface VerifiedMediaToken {
  claims: MediaTokenClaims;
  bench: boolean;
  check: boolean;
  /** Its `iat`, in seconds. */
  issuedAt: number;
}

export interface TokenLifetime {
  /** Longest `exp - iat` accepted: a token signed for longer is refused, however well signed. */
  maxLifetimeSeconds: number;
  /**
   * Clock difference tolerated with the signing server: on an `iat` in the future, and in how long a
   * closed room is remembered (`exp` itself is checked strictly).
   */
  clockSkewSeconds: number;
}

/**
 * Verifies media tokens (socket handshake) and control tokens (HTTP) signed by the server (Ed25519).
 * Both must carry `iat` and `exp`, and live at most `maxLifetimeSeconds`.
 */
export class TokenVerifier {
  readonly #key: PublicKey;
  readonly #lifetime: TokenLifetime;

  private constructor(key: PublicKey, lifetime: TokenLifetime) {
    this.#key = key;
    this.#lifetime = lifetime;
  }

  static async create(publicKeyPem: string, lifetime: TokenLifetime): Promise<TokenVerifier> {
    let key: PublicKey;
    try {
      key = await importSPKI(publicKeyPem.trim(), MEDIA_TOKEN_ALG);
    } catch (err) {
      throw new Error(`media token public key is not an Ed25519 SPKI PEM: ${(err as Error).message}`);
    }
    return new TokenVerifier(key, lifetime);
  }

  /** How long after a room's close a token issued before it could still be presented. */
  get longestValidityMs(): number {
    return (this.#lifetime.maxLifetimeSeconds + this.#lifetime.clockSkewSeconds) * 1000;
  }

  /**
   * A visit's media token, or a pre-call check token. Scopes never cross: a check token opens only a
   * check room and lives at most CHECK_TOKEN_MAX_LIFETIME_SECONDS; a media (or bench) token never opens one.
   */
  async verifyMediaToken(token: string, options: { acceptBench?: boolean } = {}): Promise<VerifiedMediaToken> {
    const audiences = [MEDIA_TOKEN_AUDIENCE, CHECK_TOKEN_AUDIENCE, ...(options.acceptBench ? [BENCH_TOKEN_AUDIENCE] : [])];
    const { claims, audience, lifetime, issuedAt } = await this.#verifyWithAudience(token, audiences, mediaTokenClaimsSchema, 'media');
    const audiencesOfToken = Array.isArray(audience) ? audience : [audience];
    const check = audiencesOfToken.includes(CHECK_TOKEN_AUDIENCE);
    const bench = options.acceptBench === true && audiencesOfToken.includes(BENCH_TOKEN_AUDIENCE);
    if (check && (bench || audiencesOfToken.includes(MEDIA_TOKEN_AUDIENCE))) {
      throw new SfuError(SfuErrorCode.INVALID_TOKEN, 'a token is either a check token or a media token, not both');
    }
    if (check && !isCheckRoom(claims.room)) {
      throw new SfuError(SfuErrorCode.FORBIDDEN, "a check token opens only a check room, never a visit's room");
    }
    if (!check && isCheckRoom(claims.room)) {
      throw new SfuError(SfuErrorCode.FORBIDDEN, 'a check room opens only with a check token');
    }
    if (check && lifetime > CHECK_TOKEN_MAX_LIFETIME_SECONDS) {
      throw new SfuError(SfuErrorCode.INVALID_TOKEN, `the check token lives ${lifetime} s; check tokens live at most ${CHECK_TOKEN_MAX_LIFETIME_SECONDS} s`);
    }
    return { claims, bench, check, issuedAt };
  }

  async verifyControlToken(token: string): Promise<ControlTokenClaims> {
    return (await this.#verifyWithAudience(token, CONTROL_TOKEN_AUDIENCE, controlTokenClaimsSchema, 'control')).claims;
  }

  async #verifyWithAudience<S extends z.ZodType>(
    token: string,
    audience: string | string[],
    schema: S,
    what: string,
  ): Promise<{ claims: z.infer<S>; audience: unknown; lifetime: number; issuedAt: number }> {
    let payload: { aud?: unknown; iat?: number };
    try {
      ({ payload } = await jwtVerify(token, this.#key, {
        issuer: MEDIA_TOKEN_ISSUER,
        audience,
        algorithms: [MEDIA_TOKEN_ALG],
        requiredClaims: ['exp', 'iat'],
      }));
    } catch (err) {
      throw toTokenError(err, what);
    }
    this.#checkLifetime(payload as { iat: number; exp: number }, what);
    const claims = schema.safeParse(payload);
    if (!claims.success) {
      const fields = claims.error.issues.map((issue) => issue.path.join('.') || 'claims').join(', ');
      throw new SfuError(SfuErrorCode.INVALID_TOKEN, `the ${what} token's claims are invalid (${fields})`);
    }
    const { iat, exp } = payload as { iat: number; exp: number };
    return { claims: claims.data, audience: payload.aud, lifetime: exp - iat, issuedAt: iat };
  }

  #checkLifetime({ iat, exp }: { iat: number; exp: number }, what: string): void {
    const { maxLifetimeSeconds, clockSkewSeconds } = this.#lifetime;
    if (exp - iat > maxLifetimeSeconds) {
      throw new SfuError(SfuErrorCode.INVALID_TOKEN, `the ${what} token lives ${exp - iat} s; this SFU accepts at most ${maxLifetimeSeconds} s`);
    }
    if (iat > Date.now() / 1000 + clockSkewSeconds) {
      throw new SfuError(SfuErrorCode.INVALID_TOKEN, `the ${what} token's "iat" claim is in the future`);
    }
  }
}

function toTokenError(err: unknown, what: string): SfuError {
  if (err instanceof joseErrors.JWTExpired) {
    return new SfuError(SfuErrorCode.TOKEN_EXPIRED, `the ${what} token has expired; ask for a new one`);
  }
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) {
    return new SfuError(SfuErrorCode.INVALID_TOKEN, `the ${what} token's signature is not valid`);
  }
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    return new SfuError(SfuErrorCode.INVALID_TOKEN, `the ${what} token's "${err.claim}" claim is not valid (${err.reason})`);
  }
  if (err instanceof joseErrors.JOSEAlgNotAllowed) {
    return new SfuError(SfuErrorCode.INVALID_TOKEN, `the ${what} token is not signed with ${MEDIA_TOKEN_ALG}`);
  }
  return new SfuError(SfuErrorCode.INVALID_TOKEN, `the ${what} token is malformed`);
}
