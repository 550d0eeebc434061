import { REQUIRED_CONSENT_KINDS, type ConsentParticipant, type ConsentRecordView, type ParticipantConsentState } from '@visite/contracts';
import type { ConsentEntity } from './consent.entity';

export function toRecordView(row: ConsentEntity): ConsentRecordView {
  return {
    id: row.id,
    kind: row.kind,
    decision: row.decision,
    textVersion: row.textVersion,
    language: row.language,
    wording: row.wording,
    method: row.method,
    recordedBy: row.recordedBy,
    at: row.createdAt.toISOString(),
  };
}

/**
 * Where one participant stands from their answers in force (the latest of each kind):
 * `given` when every kind required of them is given, `withdrawn` when one of those answers is a
 * withdrawal, else `none`.
 */
export function participantState(participant: ConsentParticipant, guestId: string | null, inForce: readonly ConsentEntity[]): ParticipantConsentState {
  const mine = inForce.filter((row) => row.participant === participant && row.guestId === guestId);
  const required = REQUIRED_CONSENT_KINDS[participant];
  const latest = required.map((kind) => mine.find((row) => row.kind === kind));
  const status = latest.some((row) => row?.decision === 'withdrawn') ? 'withdrawn' : latest.every((row) => row?.decision === 'given') ? 'given' : 'none';
  return { participant, guestId, status, latest: mine.map(toRecordView) };
}

/** Each participant of each visit: the patient always, and every guest who answered. */
export function visitConsentStates(visitIds: readonly string[], inForce: readonly ConsentEntity[]): Map<string, ParticipantConsentState[]> {
  const states = new Map<string, ParticipantConsentState[]>();
  for (const visitId of visitIds) {
    const rows = inForce.filter((row) => row.visitId === visitId);
    const guests = [...new Set(rows.filter((row) => row.participant === 'guest').map((row) => row.guestId as string))];
    states.set(visitId, [participantState('patient', null, rows), ...guests.map((guestId) => participantState('guest', guestId, rows))]);
  }
  return states;
}
