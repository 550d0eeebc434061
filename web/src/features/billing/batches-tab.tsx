import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/i18n/use-format';
import { useEffect, useState, type FormEvent } from 'react';
import { EXPORT_FORMATS, type BatchView, type PractitionerView } from '@visite/contracts';
import { errorMessage } from '../../shared/api/api-error';
import { useBillingTerms } from '../../shared/billing/labels';
import { Notice } from '../../shared/ui/notice';
import { Spinner } from '../../shared/ui/spinner';
import { exportUrl, billingApi } from './billing-api';
import { defaultBatchForm, mergeBatches, readBatchForm, shortHash, type BatchForm } from './batch-form';
import { DoctorSelect } from './doctor-select';
import { useAction } from './use-action';


export function BatchesTab({ practitioners }: { practitioners: PractitionerView[] }) {
  const { t } = useTranslation('billing');
  const terms = useBillingTerms();
  const format = useFormat();
  const [batches, setBatches] = useState<BatchView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [form, setForm] = useState<BatchForm>(() => defaultBatchForm(new Date()));
  const [created, setCreated] = useState<BatchView | null>(null);
  const create = useAction();

  useEffect(() => {
    billingApi.batches().then(
      (loaded) => setBatches((current) => mergeBatches(current, loaded)),
      (e: unknown) => setLoadError(errorMessage(e)),
    );
  }, []);

  const doctorName = (id: string | null) => (id ? (practitioners.find((p) => p.userId === id)?.displayName ?? id) : t('batches.allDoctors'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    const result = readBatchForm(form);
    if ('error' in result) {
      create.setError(t(result.error));
      return;
    }
    await create.run(async () => {
      const batch = await billingApi.createBatch(result.request);
      setCreated(batch);
      setBatches((list) => mergeBatches(list, [batch]));
    });
  };

  return (
    <div className="batches-layout">
      <section className="panel" aria-labelledby="batch-create-title">
        <h2 id="batch-create-title">{t('batches.createTitle')}</h2>
        <p className="muted small">{t('batches.createHelp')}</p>
        <form className="filters" onSubmit={(e) => void submit(e)} noValidate>
          <label className="field">
            <span>{t('batches.from')}</span>
            <input type="date" data-testid="batch-from" value={form.from} onChange={(e) => setForm((f) => ({ ...f, from: e.target.value }))} />
          </label>
          <label className="field">
            <span>{t('batches.to')}</span>
            <input type="date" data-testid="batch-to" value={form.to} onChange={(e) => setForm((f) => ({ ...f, to: e.target.value }))} />
          </label>
          <DoctorSelect label={t('batches.doctor')} anyLabel={t('batches.anyDoctor')} testId="batch-doctor" value={form.doctorId} practitioners={practitioners} onChange={(v) => setForm((f) => ({ ...f, doctorId: v }))} />
          <button type="submit" className="btn btn-primary" data-testid="batch-create" disabled={create.busy}>
            {create.busy ? t('batches.creating') : t('batches.create')}
          </button>
        </form>
        {create.error && (
          <p className="form-error" role="alert" data-testid="batch-error">
            {create.error}
          </p>
        )}
        {created && (
          <Notice tone="success" testId="batch-created">
            <p>{t('batches.created', { number: created.number, count: created.lineCount, total: format.money(created.totalCents) })}</p>
          </Notice>
        )}
      </section>

      <section className="panel" aria-labelledby="batch-list-title">
        <h2 id="batch-list-title">{t('batches.listTitle')}</h2>
        {loadError && <Notice tone="error">{loadError}</Notice>}
        {!batches && !loadError && <Spinner label={t('batches.loading')} />}
        {batches && batches.length === 0 && <p className="muted">{t('batches.empty')}</p>}
        {batches && batches.length > 0 && (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('batches.columns.number')}</th>
                  <th>{t('batches.columns.created')}</th>
                  <th>{t('batches.columns.period')}</th>
                  <th className="num">{t('batches.columns.lines')}</th>
                  <th className="num">{t('batches.columns.total')}</th>
                  <th>{t('batches.columns.hash')}</th>
                  <th>{t('batches.columns.download')}</th>
                </tr>
              </thead>
              <tbody>
                {batches.map((batch) => (
                  <tr key={batch.id} data-testid="batch-row" data-batch-id={batch.id} className={batch.id === created?.id ? 'selected' : undefined}>
                    <td>
                      <strong>{batch.number}</strong>
                    </td>
                    <td>
                      {format.dateTime(batch.createdAt)}
                      <br />
                      <span className="muted small">
                        {t('batches.by', { name: batch.createdBy.displayName })}
                      </span>
                    </td>
                    <td>
                      {batch.from} → {batch.to}
                      <br />
                      <span className="muted small">{doctorName(batch.doctorId)}</span>
                    </td>
                    <td className="num">{batch.lineCount}</td>
                    <td className="num">{format.money(batch.totalCents)}</td>
                    <td>
                      <code title={batch.contentHash}>{shortHash(batch.contentHash)}</code>
                    </td>
                    <td>
                      <div className="downloads">
                        {EXPORT_FORMATS.map((format) => (
                          <a key={format} href={exportUrl(batch.id, format)} download data-testid={`batch-download-${format}`}>
                            {terms.exportFormat(format)}
                          </a>
                        ))}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
