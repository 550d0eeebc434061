import { idParams } from '../input/primitives';
import { defineRoute } from './route';

/**
 * A visit's history: every change, append-only, with who, what and when (`visit_events`). Modules write
 * it in the transaction of the change (the server's `VisitHistory.record`); staff read it on the visit.
 *
 * - `booked`: the visit was created (`detail.by`: `staff`, `patient` (public booking) or `walk_in` (open queue link));
 * - `moved`: rescheduled (`detail.from`, `detail.to`: ISO times);
 * - `cancelled`: by staff, the patient or the system (`note`: the reason given, if any);
 * - `link_reissued`: a new join link replaced the old one;
 * - `notified`: a message left through the outbox (`detail.message`: invitation, update, cancellation,
 *   call_back...; `detail.channel`; `detail.state`: sent or kept);
 * - `reminded`: a reminder left (`detail.channel`, `detail.minutes` before);
 * - `arrived`: the patient entered the waiting room; `left`: their last connection closed while waiting;
 *   `returned`: they came back; `place_lost`: gone past the grace period, they lost their place;
 * - `call_back_requested`: "text me when I am next" (`detail.channel`); `call_back_cancelled`;
 * - `admitted`; `sent_back`: from the call to the waiting room; `completed`; `no_show` (by the system);
 * - `message_sent`: the doctor's message to the waiting patient (`detail.to`: `one` or `all`, `note`: the text).
 */
export const VISIT_EVENT_KINDS = [
  'booked',
  'moved',
  'cancelled',
  'link_reissued',
  'notified',
  'reminded',
  'arrived',
  'left',
  'returned',
  'place_lost',
  'call_back_requested',
  'call_back_cancelled',
  'admitted',
  'sent_back',
  'completed',
  'no_show',
  'message_sent',
] as const;
export type VisitEventKind = (typeof VISIT_EVENT_KINDS)[number];

export type VisitEventActorType = 'user' | 'patient' | 'system';

/** Codes, ids, times and channels only: free text (a reason, a message) goes in `note`, encrypted at rest. */
export type VisitEventDetail = Record<string, string | number | boolean | null>;

export interface VisitEventView {
  id: string;
  at: string;
  kind: VisitEventKind;
  actor: { type: VisitEventActorType; id: string | null; name: string | null };
  detail: VisitEventDetail;
  note: string | null;
}

/** GET /api/visits/:id/history: oldest first. */
export interface VisitHistoryView {
  events: VisitEventView[];
}

export const historyRoutes = {
  forVisit: defineRoute<VisitHistoryView>()({ method: 'GET', path: '/api/visits/:id/history', params: idParams, access: 'staff' }),
} as const;
