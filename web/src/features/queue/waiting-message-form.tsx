import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../shared/api/api-error';
import { queueApi } from './queue-api';
import { QUEUE_TEXT } from './strings';

const T = QUEUE_TEXT.message;

export function WaitingMessageForm() {
  const [message, setMessage] = useState('');
  const [feedback, setFeedback] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [sending, setSending] = useState(false);

  const send = async (text: string) => {
    setSending(true);
    setFeedback(null);
    try {
      await queueApi.sendMessage(text);
      setFeedback({ tone: 'ok', text: text ? T.sent : T.cleared });
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
      <h2 id="message-title">{T.title}</h2>
      <form className="form" onSubmit={submit}>
        <textarea
          data-testid="queue-message"
          aria-labelledby="message-title"
          maxLength={280}
          rows={2}
          placeholder={T.placeholder}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
        <div className="row-between">
          <small className="muted">{message.length}/280</small>
          <div className="button-row">
            <button type="button" className="btn btn-secondary" disabled={sending} onClick={() => void send('')}>
              {T.clear}
            </button>
            <button data-testid="queue-message-send" type="submit" className="btn btn-primary" disabled={sending || !message.trim()}>
              {T.send}
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
