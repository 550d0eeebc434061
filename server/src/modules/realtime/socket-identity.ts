import type { Actor } from '../practice/actor';

/**
 * Who a realtime socket is, set by the handshake: a staff member's session (its id, so signing out
 * closes it) or a patient's link (its hash, so a reissued link closes the old one's sockets).
 */
export type SocketIdentity =
  | { kind: 'staff'; actor: Actor; sessionId: string }
  | { kind: 'patient'; visitId: string; doctorId: string; joinToken: string; tokenHash: string };
