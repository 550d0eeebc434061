import type { VisitEventView } from '@visite/contracts';

type T = (key: string, options?: Record<string, unknown>) => string;

/** The line under an event's title: how, on which channel, with the reason given (null when there is nothing to add). */
export function historyDetail(event: VisitEventView, t: T, dateTime: (iso: string) => string): string | null {
  const d = event.detail;
  const channel = typeof d.channel === 'string' ? t(`history.detail.channel.${d.channel}`) : null;
  const parts: string[] = [];
  switch (event.kind) {
    case 'booked':
      if (d.by === 'patient') parts.push(t('history.detail.bookedByPatient'));
      else if (d.by === 'walk_in') parts.push(t('history.detail.bookedByWalkIn'));
      else if (d.by === 'staff') parts.push(t('history.detail.bookedByStaff'));
      break;
    case 'moved':
      if (typeof d.from === 'string' && typeof d.to === 'string') parts.push(t('history.detail.moved', { from: dateTime(d.from), to: dateTime(d.to) }));
      break;
    case 'reminded':
      if (channel) parts.push(typeof d.minutes === 'number' ? t('history.detail.reminder', { channel, minutes: d.minutes }) : channel);
      break;
    case 'notified':
      if (typeof d.message === 'string') parts.push(t(`history.detail.message.${d.message}`));
      if (channel) parts.push(channel);
      break;
    case 'call_back_requested':
      if (channel) parts.push(channel);
      break;
    case 'message_sent':
      parts.push(t(d.to === 'one' ? 'history.detail.toOne' : 'history.detail.toAll'));
      break;
    default:
      break;
  }
  if (d.state === 'kept') parts.push(t('history.detail.kept'));
  if (event.note) parts.push(event.kind === 'cancelled' ? t('history.detail.reason', { reason: event.note }) : `« ${event.note} »`);
  return parts.length ? parts.join(' · ') : null;
}

/** Who acted, as a person reads it. */
export function historyActor(event: VisitEventView, t: T): string {
  if (event.actor.type === 'system') return t('history.bySystem');
  if (event.actor.type === 'patient') return t('history.byPatient');
  return event.actor.name ?? t('history.byUnknown');
}
