import { Injectable } from '@nestjs/common';
import type { RealtimeServerEvents } from '@visite/contracts';
import type { Namespace } from 'socket.io';

/** Socket.io rooms: a doctor's staff sockets, and a visit's patient sockets. */
export const doctorRoom = (doctorId: string) => `doctor:${doctorId}`;
export const visitRoom = (visitId: string) => `visit:${visitId}`;
/** Every socket of one staff account (to end them when the account is disabled). */
export const userRoom = (userId: string) => `user:${userId}`;
/** The sockets opened with one staff session (to end them when it signs out). */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/** Sends realtime events; with the Redis adapter they reach sockets on every node. */
@Injectable()
export class RealtimePublisher {
  private namespace: Namespace | null = null;

  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  toDoctor<E extends keyof RealtimeServerEvents>(doctorId: string, event: E, ...args: Parameters<RealtimeServerEvents[E]>): void {
    this.namespace?.to(doctorRoom(doctorId)).emit(event, ...args);
  }

  toVisit<E extends keyof RealtimeServerEvents>(visitId: string, event: E, ...args: Parameters<RealtimeServerEvents[E]>): void {
    this.namespace?.to(visitRoom(visitId)).emit(event, ...args);
  }

  /** Closes every realtime socket of a staff account, on every node (account disabled, password changed). */
  disconnectUser(userId: string): void {
    this.namespace?.in(userRoom(userId)).disconnectSockets(true);
  }

  /** Closes the realtime sockets of one staff session, on every node (signed out). */
  disconnectSession(sessionId: string): void {
    this.namespace?.in(sessionRoom(sessionId)).disconnectSockets(true);
  }

  /**
   * Closes a visit's patient sockets, on every node: its link was reissued (the old link's sockets go)
   * or the visit ended or was cancelled (after `visit.ended`, which is delivered first).
   */
  disconnectVisit(visitId: string): void {
    this.namespace?.in(visitRoom(visitId)).disconnectSockets(true);
  }
}
