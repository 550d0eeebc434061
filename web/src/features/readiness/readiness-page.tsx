import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { readinessRoutes, type DayReadiness, type ReadinessSummary } from '@visite/contracts';
import { callApi } from '../../shared/api/api-client';
import { errorMessage } from '../../shared/api/api-error';
import { useDocumentTitle } from '../../shared/i18n/use-document-title';
import { useFormat } from '../../shared/i18n/use-format';
import { Notice } from '../../shared/ui/notice';

/** The calendar date (YYYY-MM-DD) `days` from today on this browser's clock. */
export function localDate(days: number, now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export type ReadinessState = 'ready' | 'doubtful' | 'failed' | 'none';

export function readinessState(summary: ReadinessSummary | null): ReadinessState {
  return summary ? summary.outcome : 'none';
}

/** Green, amber or red, with its words (never the colour alone). */
export function ReadinessChip({ summary }: { summary: ReadinessSummary | null }) {
  const { t } = useTranslation('precheck');
  const state = readinessState(summary);
  return (
    <span className={`readiness-chip readiness-${state}`} data-testid="readiness-chip" data-state={state}>
      {t(`day.state.${state}`)}
    </span>
  );
}

/**
 * The doctor's list of a day (tomorrow by default): each patient ready, doubtful or not checked, with the
 * reason and the figures, so the practice can call the red ones ahead.
 */
export function ReadinessPage() {
  const { t } = useTranslation('precheck');
  const format = useFormat();
  const [date, setDate] = useState(() => localDate(1));
  const [day, setDay] = useState<DayReadiness | null>(null);
  const [error, setError] = useState<string | null>(null);
  useDocumentTitle(t('day.title'));

  useEffect(() => {
    let live = true;
    setDay(null);
    setError(null);
    callApi(readinessRoutes.day, { query: { date } }).then(
      (loaded) => live && setDay(loaded),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [date]);

  return (
    <section className="panel" aria-labelledby="readiness-title" data-testid="readiness-page">
      <h1 id="readiness-title">{t('day.title')}</h1>
      <p className="muted">{t('day.intro')}</p>
      <div className="filters">
        <div className="field">
          <label htmlFor="readiness-date">{t('day.date')}</label>
          <input id="readiness-date" type="date" value={date} data-testid="readiness-date" onChange={(e) => e.target.value && setDate(e.target.value)} />
        </div>
        <div className="button-row">
          <button type="button" className="btn btn-secondary" aria-pressed={date === localDate(0)} onClick={() => setDate(localDate(0))}>
            {t('day.today')}
          </button>
          <button type="button" className="btn btn-secondary" aria-pressed={date === localDate(1)} onClick={() => setDate(localDate(1))}>
            {t('day.tomorrow')}
          </button>
        </div>
      </div>
      <h2>{format.date(date)}</h2>
      {error && <Notice tone="error">{error}</Notice>}
      {!day && !error && <p className="muted">{t('day.loading')}</p>}
      {day && day.visits.length === 0 && <p className="muted">{t('day.empty')}</p>}
      {day && day.visits.length > 0 && (
        <ul className="readiness-list" aria-live="polite">
          {day.visits.map((v) => (
            <li key={v.visitId} data-testid="readiness-row" data-visit-id={v.visitId} data-state={readinessState(v.readiness)}>
              <span className="when">{format.time(v.scheduledAt)}</span>
              <span className="name">
                <Link to={`/patients/${encodeURIComponent(v.patient.id)}`}>
                  {v.patient.lastName.toUpperCase()} {v.patient.firstName}
                </Link>
              </span>
              <ReadinessChip summary={v.readiness} />
              {v.readiness && (
                <span className="muted small">
                  {v.readiness.reasons.map((r) => t(`reason.${r}`)).join(' · ')}
                  {v.readiness.reasons.length > 0 && ' — '}
                  {t('day.checkedAt', { when: format.dateTime(v.readiness.checkedAt) })}
                  {v.readiness.rttMs !== null && ` — ${t('day.figures', { rtt: v.readiness.rttMs, kbps: v.readiness.receiveKbps ?? '?', loss: v.readiness.lossPct ?? '?' })}`}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
