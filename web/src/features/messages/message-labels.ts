import type { TFunction } from 'i18next';
import type { MessageView } from '@visite/contracts';
import type { Format } from '../../shared/i18n/use-format';

/** "Invitation by e-mail", "Reminder 24 h before by SMS". */
export function messageTitle(t: TFunction<'outbox'>, format: Format, m: Pick<MessageView, 'kind' | 'channel' | 'reminderMinutes'>): string {
  const kind = m.kind === 'reminder' && m.reminderMinutes !== null ? t('kindReminderBefore', { before: format.waited(m.reminderMinutes) }) : t(`kind.${m.kind}`);
  return t('title', { kind, channel: t(`channel.${m.channel}`) });
}

/** The state with its reason and time, in one line: "Kept in the outbox (no mail server) · 08:28". */
export function messageStatus(t: TFunction<'outbox'>, format: Format, m: MessageView): string {
  const parts = [t(`state.${m.state}`)];
  if (m.outcome) parts.push(t(`outcome.${m.outcome}`));
  if (m.state === 'pending') parts.push(t('dueAt', { at: format.dateTime(m.dueAt) }));
  else if (m.state === 'retrying' && m.nextAttemptAt) parts.push(t('nextAttemptAt', { at: format.time(m.nextAttemptAt) }));
  else if (m.sentAt) parts.push(format.dateTime(m.sentAt));
  return parts.join(' · ');
}
