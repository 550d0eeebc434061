import { useTranslation } from 'react-i18next';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../shared/api/api-error';
import { queueApi } from './queue-api';


export function WaitingMessageForm({ doctorId }: { doctorId?: string }) {
  const { t } = useTranslation('queue');
  const [message, setMessage] = useState('');
  const [feedback, setFeedback] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [sending, setSending] = useState(false);

  const send = async (text: string) => {
    setSending(true);
    setFeedback(null);
    try {
      await queueApi.sendMessage(text, doctorId);
      setFeedback({ tone: 'ok', text: text ? t('message.sent') : t('message.cleared') });
      if (!text) setMessage('');
    } catch (e) {
      setFeedback({ tone: 'error', text: errorMessage(e) });
    } finally {
      setSending(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(message.trim());
  };

  return (
    <section className="panel" aria-labelledby="message-title">
      <h2 id="message-title">{t('message.title')}</h2>
      <form className="form" onSubmit={submit}>
        <textarea
          data-testid="queue-message"
          aria-labelledby="message-title"
          maxLength={280}
          rows={2}
          placeholder={t('message.placeholder')}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
        <div className="row-between">
          <small className="muted">{message.length}/280</small>
          <div className="button-row">
            <button type="button" className="btn btn-secondary" disabled={sending} onClick={() => void send('')}>
              {t('message.clear')}
            </button>
            <button data-testid="queue-message-send" type="submit" className="btn btn-primary" disabled={sending || !message.trim()}>
              {t('message.send')}
            </button>
          </div>
        </div>
        {feedback && (
          <p className={feedback.tone === 'error' ? 'form-error' : 'form-ok'} role={feedback.tone === 'error' ? 'alert' : 'status'}>
            {feedback.text}
          </p>
        )}
      </form>
    </section>
  );
}
