import { Injectable } from '@nestjs/common';
import type { RealtimeServerEvents } from '@visite/contracts';
import type { Namespace } from 'socket.io';

/** Socket.io rooms: a doctor's staff sockets, and a visit's patient sockets. */
export const doctorRoom = (doctorId: string) => `doctor:${doctorId}`;
export const visitRoom = (visitId: string) => `visit:${visitId}`;
/** Every socket of one staff account (to end them when the account is disabled). */
export const userRoom = (userId: string) => `user:${userId}`;

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

  /** Closes every realtime socket of a staff account, on every node (account disabled). */
  disconnectUser(userId: string): void {
    this.namespace?.in(userRoom(userId)).disconnectSockets(true);
  }
}
