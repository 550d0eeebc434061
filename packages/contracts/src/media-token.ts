import { z } from 'zod';

/** Roles a media token can carry into a room. */
export const MEDIA_ROLES = ['doctor', 'patient'] as const;
export type MediaRole = (typeof MEDIA_ROLES)[number];

/** JWT issuer and audiences used between the server (signer) and the SFU (verifier). */
export const MEDIA_TOKEN_ISSUER = 'visite-server';
export const MEDIA_TOKEN_AUDIENCE = 'visite-sfu';
export const CONTROL_TOKEN_AUDIENCE = 'visite-sfu-control';
/**
 * Audience of a benchmark token (test/bench only): same claims as a media token. The server never signs
 * one; an SFU accepts it only when started with SFU_BENCH_PLAIN_TRANSPORTS=true, and only a socket with
 * such a token may open plain SRTP transports (`benchCreatePlainTransport`).
 */
export const BENCH_TOKEN_AUDIENCE = 'visite-sfu-bench';
/**
 * Audience of a pre-call check token: the patient's network test through the real media path. It opens
 * only a check room (an id starting with CHECK_ROOM_PREFIX, never a visit's room), for one participant
 * whose media the SFU sends back to itself (loopback), and lives at most CHECK_TOKEN_MAX_LIFETIME_SECONDS.
 * A media token (MEDIA_TOKEN_AUDIENCE) can never open a check room.
 */
export const CHECK_TOKEN_AUDIENCE = 'visite-sfu-check';
export const CHECK_ROOM_PREFIX = 'check-';
/** The server signs check tokens for 60 s; the SFU refuses one that lives longer than this. */
export const CHECK_TOKEN_TTL_SECONDS = 60;
export const CHECK_TOKEN_MAX_LIFETIME_SECONDS = 90;

/** Whether a room id names a pre-call check room (never a visit's room: visits' rooms are their uuid). */
export function isCheckRoom(roomId: string): boolean {
  return roomId.startsWith(CHECK_ROOM_PREFIX);
}

/** Algorithm of media and control tokens: Ed25519 signatures; the SFU holds only the public key. */
export const MEDIA_TOKEN_ALG = 'EdDSA';

/** Claims of a media token: one peer, one room, one role, a short life. */
export const mediaTokenClaimsSchema = z.object({
  sub: z.string().min(1).max(100),
  room: z.string().min(1).max(100),
  role: z.enum(MEDIA_ROLES),
  name: z.string().max(200),
});
export type MediaTokenClaims = z.infer<typeof mediaTokenClaimsSchema>;

/** Claims of a control token: the server asking the SFU to act on one room. */
export const controlTokenClaimsSchema = z.object({
  room: z.string().min(1).max(100),
  action: z.enum(['close-room', 'room-stats', 'close-peer']),
  /** The peer a `close-peer` token is for. */
  peer: z.string().min(1).max(100).optional(),
});
export type ControlTokenClaims = z.infer<typeof controlTokenClaimsSchema>;
