import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { BILLING_LINE_STATES, type BillingLinesPage, type BillingLineState, type BillingLineView, type PractitionerView } from '@visite/contracts';
import { errorMessage } from '../../shared/api/api-error';
import { modalityLabel, STATE_LABELS } from '../../shared/billing/labels';
import { sortResults } from '../../shared/billing/live-evaluation';
import { formatCents } from '../../shared/billing/money';
import { RuleResults } from '../../shared/billing/rule-results';
import { Notice } from '../../shared/ui/notice';
import { Spinner } from '../../shared/ui/spinner';
import { billingApi } from './billing-api';
import { LineDetail } from './line-detail';
import { appendPage, applyLines, EMPTY_FILTER, periodError, type LinesFilter } from './lines-query';
import { DoctorSelect } from './doctor-select';
import { BILLING_TEXT } from './strings';

const T = BILLING_TEXT.lines;

export function LinesTab({ practitioners }: { practitioners: PractitionerView[] }) {
  const [filter, setFilter] = useState<LinesFilter>(EMPTY_FILTER);
  const [applied, setApplied] = useState<LinesFilter>(EMPTY_FILTER);
  const [filterError, setFilterError] = useState<string | null>(null);
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
            <span>{T.from}</span>
            <input type="date" data-testid="billing-filter-from" value={filter.from} onChange={(e) => set('from', e.target.value)} />
          </label>
          <label className="field">
            <span>{T.to}</span>
            <input type="date" data-testid="billing-filter-to" value={filter.to} onChange={(e) => set('to', e.target.value)} />
          </label>
          <DoctorSelect label={T.doctor} anyLabel={T.anyDoctor} testId="billing-filter-doctor" value={filter.doctorId} practitioners={practitioners} onChange={(v) => set('doctorId', v)} />
          <label className="field">
            <span>{T.state}</span>
            <select data-testid="billing-filter-state" value={filter.state} onChange={(e) => set('state', e.target.value as BillingLineState | '')}>
              <option value="">{T.anyState}</option>
              {BILLING_LINE_STATES.map((state) => (
                <option key={state} value={state}>
                  {STATE_LABELS[state]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn btn-primary" data-testid="billing-apply">
            {T.apply}
          </button>
        </form>
        {filterError && <p className="form-error">{filterError}</p>}

        {page && (
          <ul className="state-counts" aria-label={T.counts} data-testid="billing-counts">
            {BILLING_LINE_STATES.map((state) => (
              <li key={state} className={`state-badge state-${state}`} data-state={state} data-count={page.counts[state]}>
                {STATE_LABELS[state]} <strong>{page.counts[state]}</strong>
              </li>
            ))}
          </ul>
        )}

        {loadError && <Notice tone="error">{loadError}</Notice>}
        {!page && !loadError && <Spinner label={T.loading} />}
        {page && page.lines.length === 0 && <p className="muted" data-testid="billing-empty">{T.empty}</p>}
        {page && page.lines.length > 0 && (
          <div className="table-wrap">
            <table className="table lines-table">
              <thead>
                <tr>
                  <th>{T.columns.date}</th>
                  <th>{T.columns.doctor}</th>
                  <th>{T.columns.patient}</th>
                  <th>{T.columns.code}</th>
                  <th className="num">{T.columns.total}</th>
                  <th>{T.columns.modality}</th>
                  <th>{T.columns.state}</th>
                  <th>{T.columns.results}</th>
                  <th aria-label={T.open} />
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
                    <td className="num">{formatCents(line.totalCents)}</td>
                    <td data-testid="line-modality">{modalityLabel(line.input.visit.modality)}</td>
                    <td>
                      <span className={`state-badge state-${line.state}`} data-testid="line-state">
                        {STATE_LABELS[line.state]}
                      </span>
                    </td>
                    <td>{line.results.length > 0 ? <RuleResults results={sortResults(line.results)} compact /> : <span className="muted">{T.noProblem}</span>}</td>
                    <td>
                      <button type="button" className="btn btn-link" data-testid="line-open" onClick={() => setSelectedId(line.id)}>
                        {T.open}
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
            {loadingMore ? T.loadingMore : T.loadMore}
          </button>
        )}
      </section>
      {selected && <LineDetail key={selected.id} line={selected} onChanged={onLinesChanged} onClose={() => setSelectedId(null)} />}
    </div>
  );
}
