import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { MESSAGE_STATES, type MessageState, type OutboxEntry, type OutboxMessageDetail } from '@visite/contracts';
import { errorMessage } from '../../shared/api/api-error';
import { useFormat } from '../../shared/i18n/use-format';
import { Notice } from '../../shared/ui/notice';
import { messagesApi } from './messages-api';
import { messageStatus, messageTitle } from './message-labels';

const messagePath = (id: string) => `/outbox/${encodeURIComponent(id)}`;

/**
 * The practice's outbox: every message to the patients of the visits the person works on, newest first,
 * by state. Without a mail server (the start command's default) e-mails are kept here, readable.
 */
export function OutboxPage() {
  const { t } = useTranslation('outbox');
  const format = useFormat();
  const [state, setState] = useState<MessageState | ''>('');
  const [messages, setMessages] = useState<OutboxEntry[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(
    async (from?: string) => {
      setLoading(true);
      setError(null);
      try {
        const page = await messagesApi.outbox({ ...(state ? { state } : {}), ...(from ? { cursor: from } : {}) });
        setMessages((before) => (from && before ? [...before, ...page.messages] : page.messages));
        setCursor(page.nextCursor);
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setLoading(false);
      }
    },
    [state],
  );
  useEffect(() => void load(), [load]);

  return (
    <section className="panel billing-layout" aria-labelledby="outbox-title">
      <div className="row-between">
        <h1 id="outbox-title">{t('pageTitle')}</h1>
        <label className="field inline">
          <span>{t('filter')}</span>
          <select value={state} data-testid="outbox-state-filter" onChange={(e) => setState(e.target.value as MessageState | '')}>
            <option value="">{t('allStates')}</option>
            {MESSAGE_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`state.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted small">{t('intro')}</p>
      {error && <Notice tone="error">{error}</Notice>}
      {messages?.length === 0 && <p className="muted">{t('empty')}</p>}
      {messages && messages.length > 0 && (
        <div className="table-wrap">
        <table className="table" data-testid="outbox-table">
          <thead>
            <tr>
              <th scope="col">{t('col.message')}</th>
              <th scope="col">{t('col.patient')}</th>
              <th scope="col">{t('col.appointment')}</th>
              <th scope="col">{t('col.state')}</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id} data-testid="outbox-row" data-state={m.state} data-kind={m.kind}>
                <td>
                  <Link to={messagePath(m.id)}>{messageTitle(t, format, m)}</Link>
                  {m.recipient && <div className="muted small">{m.recipient}</div>}
                </td>
                <td>{m.patientName}</td>
                <td>
                  {format.dateTime(m.scheduledAt)}
                  <div className="muted small">{m.doctorName}</div>
                </td>
                <td className="small">{messageStatus(t, format, m)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      {cursor && (
        <button type="button" className="btn btn-secondary" disabled={loading} onClick={() => void load(cursor)}>
          {t('more')}
        </button>
      )}
    </section>
  );
}

/** One message as it was rendered: recipient, subject, text and the calendar invitation. Reading it is audited. */
export function OutboxMessagePage() {
  const { t } = useTranslation('outbox');
  const format = useFormat();
  const { messageId = '' } = useParams();
  const [message, setMessage] = useState<OutboxMessageDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    messagesApi.detail(messageId).then(setMessage, (e: unknown) => setError(errorMessage(e)));
  }, [messageId]);

  const resend = async () => {
    if (!message) return;
    setBusy(true);
    setError(null);
    try {
      const { message: created } = await messagesApi.resend(message.id);
      setNotice(t('resentAs', { state: t(`state.${created.state}`) }));
      setMessage({ ...message, resendable: false });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="message-title">
      <p>
        <Link to="/outbox">{t('back')}</Link>
      </p>
      {error && <Notice tone="error">{error}</Notice>}
      {notice && <Notice tone="success">{notice}</Notice>}
      {message && (
        <article data-testid="outbox-message" data-state={message.state}>
          <h1 id="message-title">{messageTitle(t, format, message)}</h1>
          <p className="muted">
            {message.patientName} · {format.dateTime(message.scheduledAt)} · {message.doctorName}
          </p>
          <p>{messageStatus(t, format, message)}</p>
          {message.error && <p className="text-error">{message.error}</p>}
          {message.resendable && (
            <button type="button" className="btn btn-secondary" data-testid="resend-message" disabled={busy} onClick={() => void resend()}>
              {busy ? t('resending') : t('resend')}
            </button>
          )}
          {message.content ? (
            <dl className="message-content">
              <dt>{t('to')}</dt>
              <dd data-testid="message-to">{message.content.to}</dd>
              {message.content.subject && (
                <>
                  <dt>{t('subject')}</dt>
                  <dd data-testid="message-subject">{message.content.subject}</dd>
                </>
              )}
              <dt>{t('text')}</dt>
              <dd>
                <pre className="message-text" data-testid="message-text">
                  {message.content.text}
                </pre>
              </dd>
              {message.content.ics && (
                <>
                  <dt>{t('calendar')}</dt>
                  <dd>
                    <a download="invitation.ics" href={`data:text/calendar;charset=utf-8,${encodeURIComponent(message.content.ics)}`} data-testid="message-ics">
                      {t('downloadIcs')}
                    </a>
                  </dd>
                </>
              )}
            </dl>
          ) : (
            <p className="muted">{t('notRendered')}</p>
          )}
        </article>
      )}
    </section>
  );
}
