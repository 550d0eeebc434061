import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MessageView } from '@visite/contracts';
import { errorMessage } from '../../shared/api/api-error';
import { useFormat } from '../../shared/i18n/use-format';
import { Notice } from '../../shared/ui/notice';
import { messagesApi } from './messages-api';
import { messageStatus, messageTitle } from './message-labels';

/**
 * A visit's messages to the patient (invitation, update, cancellation, reminders): each one's delivery
 * state and reason, **Resend** when it is no longer on its way, a link to read it in the outbox.
 */
export function VisitMessages({ visitId }: { visitId: string }) {
  const { t } = useTranslation('outbox');
  const format = useFormat();
  const [messages, setMessages] = useState<MessageView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const load = useCallback(() => {
    messagesApi.forVisit(visitId).then(
      (r) => {
        setMessages(r.messages);
        setError(null);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [visitId]);
  useEffect(load, [load]);
  // Messages move on their own (sending, sent): look again while one is on its way.
  useEffect(() => {
    if (!messages?.some((m) => m.state === 'pending' || m.state === 'sending' || m.state === 'retrying')) return;
    const timer = window.setTimeout(load, 3000);
    return () => window.clearTimeout(timer);
  }, [messages, load]);

  const resend = async (m: MessageView) => {
    setBusy(m.id);
    setError(null);
    setDone(null);
    try {
      await messagesApi.resend(m.id);
      setDone(t('resent'));
      load();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="visit-messages" aria-label={t('onVisit')} data-testid="visit-messages">
      {error && <Notice tone="error">{error}</Notice>}
      {done && (
        <p className="muted small" role="status">
          {done}
        </p>
      )}
      {messages === null && !error && <p className="muted small">{t('loading')}</p>}
      {messages?.length === 0 && <p className="muted small">{t('noneOnVisit')}</p>}
      {messages && messages.length > 0 && (
        <ul className="message-list">
          {messages.map((m) => (
            <li key={m.id} className="message-item" data-testid="visit-message" data-state={m.state} data-kind={m.kind} data-channel={m.channel}>
              <div>
                <p className="small">
                  <strong>{messageTitle(t, format, m)}</strong>
                  {m.recipient && <span className="muted"> · {m.recipient}</span>}
                </p>
                <p className={`small ${m.state === 'failed' ? 'text-error' : 'muted'}`}>{messageStatus(t, format, m)}</p>
                {m.error && <p className="small text-error">{m.error}</p>}
              </div>
              <div className="message-actions">
                <Link className="btn btn-link" to={`/outbox/${encodeURIComponent(m.id)}`}>
                  {t('read')}
                </Link>
                {m.resendable && (
                  <button type="button" className="btn btn-link" data-testid="resend-message" disabled={busy !== null} onClick={() => void resend(m)}>
                    {busy === m.id ? t('resending') : t('resend')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
