import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitEventView } from '@visite/contracts';
import { errorMessage } from '../../shared/api/api-error';
import { useFormat } from '../../shared/i18n/use-format';
import { Notice } from '../../shared/ui/notice';
import { Spinner } from '../../shared/ui/spinner';
import { dayApi } from './day-api';
import { historyActor, historyDetail } from './history-text';

/** The "History" section of a visit: every change, oldest first, with who and when. `version` reloads it. */
export function VisitHistory({ visitId, version }: { visitId: string; version?: unknown }) {
  const { t } = useTranslation('day');
  const format = useFormat();
  const [events, setEvents] = useState<VisitEventView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    dayApi.history(visitId).then(
      (h) => alive && (setEvents(h.events), setError(null)),
      (e: unknown) => alive && setError(errorMessage(e)),
    );
    return () => {
      alive = false;
    };
  }, [visitId, version]);

  const tt = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  return (
    <section className="panel" aria-labelledby="history-title" data-testid="visit-history">
      <h2 id="history-title">{t('history.title')}</h2>
      {error && <Notice tone="error">{error}</Notice>}
      {!events && !error && <Spinner label={t('history.loading')} />}
      {events && events.length === 0 && <p className="muted">{t('history.empty')}</p>}
      {events && events.length > 0 && (
        <ol className="history-list">
          {events.map((e) => {
            const detail = historyDetail(e, tt, format.dateTime);
            return (
              <li key={e.id} className="history-item" data-testid="history-event" data-kind={e.kind}>
                <time dateTime={e.at} className="muted small">
                  {format.dateTime(e.at)}
                </time>
                <div>
                  <p>
                    <strong>{tt(`history.kind.${e.kind}`)}</strong> <span className="muted small">{t('history.by', { who: historyActor(e, tt) })}</span>
                  </p>
                  {detail && <p className="muted small">{detail}</p>}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
