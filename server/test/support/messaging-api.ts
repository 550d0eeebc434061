import type { MessageView, VisitMessages } from '@visite/contracts';
import request from 'supertest';
import type { Doctor, TestApp } from '../factories/test-app';
import { waitUntil } from './wait-until';

export async function visitMessages(t: { url: string }, doctor: Doctor, visitId: string): Promise<MessageView[]> {
  const res = await request(t.url).get(`/api/visits/${visitId}/messages`).set('cookie', doctor.cookie).expect(200);
  return (res.body as VisitMessages).messages;
}

/** Waits until the visit's message matching `pick` is in `state`, and returns it. */
export function messageInState(t: TestApp, doctor: Doctor, visitId: string, pick: (m: MessageView) => boolean, state: MessageView['state'] | MessageView['state'][], timeoutMs = 15_000): Promise<MessageView> {
  const states = Array.isArray(state) ? state : [state];
  return waitUntil(`a message of visit ${visitId} in state ${states.join('/')}`, async () => (await visitMessages(t, doctor, visitId)).find((m) => pick(m) && states.includes(m.state)), timeoutMs);
}
