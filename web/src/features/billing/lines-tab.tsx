import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/i18n/use-format';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { BILLING_LINE_STATES, type BillingLinesPage, type BillingLineState, type BillingLineView, type PractitionerView } from '@visite/contracts';
import { errorMessage } from '../../shared/api/api-error';
import { useBillingTerms } from '../../shared/billing/labels';
import { sortResults } from '../../shared/billing/live-evaluation';
import { RuleResults } from '../../shared/billing/rule-results';
import { Notice } from '../../shared/ui/notice';
import { Spinner } from '../../shared/ui/spinner';
import { billingApi } from './billing-api';
import { LineDetail } from './line-detail';
import { appendPage, applyLines, EMPTY_FILTER, periodError, type LinesFilter } from './lines-query';
import { DoctorSelect } from './doctor-select';


export function LinesTab({ practitioners }: { practitioners: PractitionerView[] }) {
  const { t } = useTranslation('billing');
  const terms = useBillingTerms();
  const format = useFormat();
  const [filter, setFilter] = useState<LinesFilter>(EMPTY_FILTER);
  const [applied, setApplied] = useState<LinesFilter>(EMPTY_FILTER);
  const [filterError, setFilterError] = useState<ReturnType<typeof periodError>>(null);
  const [page, setPage] = useState<BillingLinesPage | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    setPage(null);
    setLoadError(null);
    billingApi.lines(applied).then(
      (loaded) => !cancelled && setPage(loaded),
      (e: unknown) => !cancelled && setLoadError(errorMessage(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [applied]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const problem = periodError(filter.from, filter.to);
    setFilterError(problem);
    if (!problem) setApplied({ ...filter });
  };

  const loadMore = async () => {
    if (!page?.nextCursor) return;
    setLoadingMore(true);
    try {
      const next = await billingApi.lines(applied, page.nextCursor);
      setPage((current) => (current ? appendPage(current, next) : next));
    } catch (e) {
      setLoadError(errorMessage(e));
    } finally {
      setLoadingMore(false);
    }
  };

  const onLinesChanged = useCallback((lines: BillingLineView[], selectId?: string) => {
    setPage((current) => current && applyLines(current, lines));
    if (selectId) setSelectedId(selectId);
  }, []);

  const selected = page?.lines.find((l) => l.id === selectedId) ?? null;
  const set = <K extends keyof LinesFilter>(key: K, value: LinesFilter[K]) => setFilter((f) => ({ ...f, [key]: value }));

  return (
    <div className={selected ? 'lines-layout lines-layout-detail' : 'lines-layout'}>
      <section className="panel lines-panel">
        <form className="filters" onSubmit={apply} noValidate>
          <label className="field">
            <span>{t('lines.from')}</span>
            <input type="date" data-testid="billing-filter-from" value={filter.from} onChange={(e) => set('from', e.target.value)} />
          </label>
          <label className="field">
            <span>{t('lines.to')}</span>
            <input type="date" data-testid="billing-filter-to" value={filter.to} onChange={(e) => set('to', e.target.value)} />
          </label>
          <DoctorSelect label={t('lines.doctor')} anyLabel={t('lines.anyDoctor')} testId="billing-filter-doctor" value={filter.doctorId} practitioners={practitioners} onChange={(v) => set('doctorId', v)} />
          <label className="field">
            <span>{t('lines.state')}</span>
            <select data-testid="billing-filter-state" value={filter.state} onChange={(e) => set('state', e.target.value as BillingLineState | '')}>
              <option value="">{t('lines.anyState')}</option>
              {BILLING_LINE_STATES.map((state) => (
                <option key={state} value={state}>
                  {terms.state(state)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn btn-primary" data-testid="billing-apply">
            {t('lines.apply')}
          </button>
        </form>
        {filterError && <p className="form-error">{t(filterError)}</p>}

        {page && (
          <ul className="state-counts" aria-label={t('lines.counts')} data-testid="billing-counts">
            {BILLING_LINE_STATES.map((state) => (
              <li key={state} className={`state-badge state-${state}`} data-state={state} data-count={page.counts[state]}>
                {terms.state(state)} <strong>{page.counts[state]}</strong>
              </li>
            ))}
          </ul>
        )}

        {loadError && <Notice tone="error">{loadError}</Notice>}
        {!page && !loadError && <Spinner label={t('lines.loading')} />}
        {page && page.lines.length === 0 && <p className="muted" data-testid="billing-empty">{t('lines.empty')}</p>}
        {page && page.lines.length > 0 && (
          <div className="table-wrap">
            <table className="table lines-table">
              <thead>
                <tr>
                  <th>{t('lines.columns.date')}</th>
                  <th>{t('lines.columns.doctor')}</th>
                  <th>{t('lines.columns.patient')}</th>
                  <th>{t('lines.columns.code')}</th>
                  <th className="num">{t('lines.columns.total')}</th>
                  <th>{t('lines.columns.modality')}</th>
                  <th>{t('lines.columns.state')}</th>
                  <th>{t('lines.columns.results')}</th>
                  <th aria-label={t('lines.open')} />
                </tr>
              </thead>
              <tbody>
                {page.lines.map((line) => (
                  <tr
                    key={line.id}
                    data-testid="billing-line"
                    data-line-id={line.id}
                    data-visit-id={line.visitId}
                    data-state={line.state}
                    className={line.id === selectedId ? 'selected' : undefined}
                    onClick={() => setSelectedId(line.id)}
                  >
                    <td>{line.dateOfService}</td>
                    <td>{line.doctor.displayName}</td>
                    <td>
                      {line.input.patient.lastName} {line.input.patient.firstName}
                    </td>
                    <td data-testid="line-code">{line.input.coding.code}</td>
                    <td className="num">{format.money(line.totalCents)}</td>
                    <td data-testid="line-modality">{terms.modality(line.input.visit.modality)}</td>
                    <td>
                      <span className={`state-badge state-${line.state}`} data-testid="line-state">
                        {terms.state(line.state)}
                      </span>
                    </td>
                    <td>{line.results.length > 0 ? <RuleResults results={sortResults(line.results)} compact /> : <span className="muted">{t('lines.noProblem')}</span>}</td>
                    <td>
                      <button type="button" className="btn btn-link" data-testid="line-open" onClick={() => setSelectedId(line.id)}>
                        {t('lines.open')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {page?.nextCursor && (
          <button type="button" className="btn btn-secondary" data-testid="billing-load-more" disabled={loadingMore} onClick={() => void loadMore()}>
            {loadingMore ? t('lines.loadingMore') : t('lines.loadMore')}
          </button>
        )}
      </section>
      {selected && <LineDetail key={selected.id} line={selected} onChanged={onLinesChanged} onClose={() => setSelectedId(null)} />}
    </div>
  );
}
