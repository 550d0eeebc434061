import { z } from 'zod';
import type { Ack } from '../protocol';
import type { VisitEndedBy, VisitView } from '../http/visits';

/** socket.io namespace of the server's realtime channel (waiting room, doctor queue). */
export const REALTIME_NAMESPACE = '/realtime';

/**
 * Handshake `auth` of the realtime socket. Practice users authenticate with their session cookie;
 * a patient sends the join token of their link.
 */
export const realtimeHandshakeSchema = z.object({
  protocolVersion: z.number().int(),
  joinToken: z.string().min(10).max(200).optional(),
});
export type RealtimeHandshake = z.infer<typeof realtimeHandshakeSchema>;

/** What a waiting patient sees. */
export interface WaitingStatus {
  visitId: string;
  status: VisitView['status'];
  /** 1-based place among the doctor's waiting patients; null once admitted or ended. */
  position: number | null;
  /** Estimated minutes before the doctor admits this patient. */
  estimatedWaitMinutes: number | null;
  doctorName: string;
  /** Latest message from the doctor ("running 15 minutes late"), if any. */
  doctorMessage: string | null;
}

export interface VisitEndedEvent {
  visitId: string;
  endedBy: VisitEndedBy;
}

/** Events the server sends. */
export interface RealtimeServerEvents {
  /** To a doctor: their whole queue for today, after any change. */
  'queue.updated': (queue: { visits: VisitView[] }) => void;
  /** To a patient: their place in the waiting room. */
  'waiting.status': (status: WaitingStatus) => void;
  /** To a patient: the doctor admitted them; fetch the media access and enter the room. */
  'visit.admitted': (event: { visitId: string }) => void;
  /** To both sides. */
  'visit.ended': (event: VisitEndedEvent) => void;
}

/** Requests clients send, each answered with an Ack. */
export interface RealtimeClientEvents {
  /** Patient: enter the waiting room (knock). */
  'waiting.join': (payload: Record<string, never>, ack: (res: Ack<WaitingStatus>) => void) => void;
  /**
   * Doctor, or assistant: subscribe to a doctor's live queue (an assistant of several doctors names one);
   * the ack carries the current one.
   */
  'queue.subscribe': (payload: QueueSubscribe, ack: (res: Ack<{ visits: VisitView[] }>) => void) => void;
}

/** A request that takes no fields (a client may send nothing, null or {}). */
export const emptyPayloadSchema = z.union([z.undefined(), z.null(), z.object({}).strict()]);

export const queueSubscribeSchema = z.union([z.undefined(), z.null(), z.strictObject({ doctorId: z.uuid({ message: 'doctorId must be an id (UUID)' }).optional() })]);
export type QueueSubscribe = z.infer<typeof queueSubscribeSchema>;

/** Every client-to-server realtime request: name -> payload schema (validated by the gateway). */
export const realtimeRequestSchemas = {
  'waiting.join': emptyPayloadSchema,
  'queue.subscribe': queueSubscribeSchema,
} as const satisfies Record<keyof RealtimeClientEvents, z.ZodType>;
