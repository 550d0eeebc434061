import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { REPORT_FORMATS, REPORT_SECTIONS, type ReportContent, type ReportDestinations, type ReportVersion, type VisitReport } from '@visite/contracts';
import { errorMessage } from '../../shared/api/api-error';
import { useDocumentTitle } from '../../shared/i18n/use-document-title';
import { useFormat } from '../../shared/i18n/use-format';
import { LoadFailure } from '../../shared/ui/load-failure';
import { Notice } from '../../shared/ui/notice';
import { Spinner } from '../../shared/ui/spinner';
import { reportApi } from './report-api';

/** The visit report: route /visits/:visitId/report (the visit's doctor). */
export function ReportPage() {
  const { visitId = '' } = useParams();
  const { t } = useTranslation('report');
  useDocumentTitle(t('documentTitle'));
  const [report, setReport] = useState<VisitReport | null>(null);
  const [loadError, setLoadError] = useState<Error | null>(null);
  const load = useCallback(() => {
    reportApi.get(visitId).then(setReport, (e: Error) => setLoadError(e));
  }, [visitId]);
  useEffect(load, [load]);
  const back = (
    <Link to="/" className="btn btn-secondary">
      {t('page.backToQueue')}
    </Link>
  );
  if (loadError) return <LoadFailure error={loadError}>{back}</LoadFailure>;
  if (!report) return <Spinner label={t('page.loading')} />;
  const draft = report.versions.find((v) => v.status === 'draft') ?? null;
  const editing = draft !== null || report.versions.length === 0;
  return (
    <div className="queue-layout">
      <section className="panel queue-panel" aria-labelledby="report-title" data-testid="report-page">
        <h1 id="report-title">
          {t('page.title')} · {report.patient.lastName.toUpperCase()} {report.patient.firstName}
        </h1>
        <p className="muted small">{t('page.intro')}</p>
        <Notice tone={report.patient.identityQualified ? 'info' : 'warning'}>{t(report.patient.identityQualified ? 'page.identityQualified' : 'page.identityNotQualified')}</Notice>
        {editing && <DraftEditor key={draft?.id ?? 'new'} report={report} draft={draft} onChange={setReport} />}
        {report.versions.filter((v) => v.status !== 'draft').map((v) => (
          <SignedVersion key={v.id} visitId={report.visitId} version={v} canCorrect={!editing && v.status === 'signed'} onChange={setReport} mssante={report.channels.mssante} />
        ))}
        <p>
          <Link to={`/visits/${encodeURIComponent(visitId)}/coding`}>{t('page.toCoding')}</Link> · <Link to="/">{t('page.backToQueue')}</Link>
        </p>
      </section>
    </div>
  );
}

function DraftEditor({ report, draft, onChange }: { report: VisitReport; draft: ReportVersion | null; onChange: (r: VisitReport) => void }) {
  const { t } = useTranslation('report');
  const format = useFormat();
  const [content, setContent] = useState<ReportContent>(draft?.content ?? report.prefill);
  const [destinations, setDestinations] = useState<ReportDestinations>(draft?.destinations ?? { patient: true, dmp: report.patient.identityQualified, mssante: false });
  const [revision, setRevision] = useState(draft?.revision ?? 0);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<'save' | 'sign' | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(draft?.updatedAt ?? null);
  const [error, setError] = useState<string | null>(null);
  const [doctor, setDoctor] = useState({ rpps: report.regularDoctor.rpps ?? '', mssante: report.regularDoctor.mssante ?? '' });

  const save = async (): Promise<number | null> => {
    setBusy('save');
    setError(null);
    try {
      const next = await reportApi.saveDraft(report.visitId, { content, destinations, revision });
      const saved = next.versions.find((v) => v.status === 'draft')!;
      setRevision(saved.revision);
      setSavedAt(saved.updatedAt);
      setDirty(false);
      return saved.revision;
    } catch (e) {
      setError(errorMessage(e));
      return null;
    } finally {
      setBusy(null);
    }
  };
  const sign = async () => {
    if (!window.confirm(t('page.signConfirm'))) return;
    const at = dirty || revision === 0 ? await save() : revision;
    if (at === null) return;
    setBusy('sign');
    try {
      onChange(await reportApi.sign(report.visitId, at));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const saveDoctor = async () => {
    setError(null);
    try {
      const next = await reportApi.regularDoctor(report.visitId, { rpps: doctor.rpps.trim() || null, mssante: doctor.mssante.trim() || null });
      setDoctor({ rpps: next.regularDoctor.rpps ?? '', mssante: next.regularDoctor.mssante ?? '' });
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const toggle = (key: keyof ReportDestinations) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setDestinations({ ...destinations, [key]: e.target.checked });
    setDirty(true);
  };

  return (
    <form className="form" onSubmit={(e) => (e.preventDefault(), void save())} data-testid="report-draft">
      <h2>{draft ? t('page.version', { version: draft.version }) : t('page.version', { version: 1 })} · {t('page.draft')}</h2>
      {REPORT_SECTIONS.map((section) => (
        <label key={section} className="field">
          <span>{t(`sections.${section}`)}</span>
          <textarea
            name={section}
            rows={section === 'findings' ? 6 : 3}
            value={content[section]}
            onChange={(e) => {
              setContent({ ...content, [section]: e.target.value });
              setDirty(true);
            }}
          />
        </label>
      ))}
      <fieldset>
        <legend>{t('page.destinations')}</legend>
        <label className="check">
          <input type="checkbox" name="patient" checked={destinations.patient} onChange={toggle('patient')} />{' '}
          {t(report.patient.hasEmail || report.patient.hasPhone ? 'page.toPatient' : 'page.toPatientNoContact')}
        </label>
        <label className="check">
          <input type="checkbox" name="dmp" checked={destinations.dmp} onChange={toggle('dmp')} /> {t('page.toDmp')}
        </label>
        {destinations.dmp && !report.channels.dmp && <p className="muted small">{t('page.dmpNotConfigured')}</p>}
        <label className="check">
          <input type="checkbox" name="mssante" checked={destinations.mssante} disabled={!report.channels.mssante} onChange={toggle('mssante')} /> {t('page.toMssante')}
        </label>
        {!report.channels.mssante && <p className="muted small">{t('page.mssanteNotConfigured')}</p>}
        {destinations.mssante && (
          <div className="form-row">
            <label className="field">
              <span>{t('page.regularDoctorRpps')}</span>
              <input name="regularDoctorRpps" inputMode="numeric" value={doctor.rpps} onChange={(e) => setDoctor({ ...doctor, rpps: e.target.value })} />
            </label>
            <label className="field">
              <span>{t('page.regularDoctorMssante')}</span>
              <input name="regularDoctorMssante" type="email" value={doctor.mssante} onChange={(e) => setDoctor({ ...doctor, mssante: e.target.value })} />
            </label>
            <button type="button" className="btn btn-secondary" onClick={() => void saveDoctor()}>
              {t('page.saveRegularDoctor')}
            </button>
          </div>
        )}
      </fieldset>
      {error && <Notice tone="error">{error}</Notice>}
      <p className="muted small" aria-live="polite">
        {dirty ? t('page.unsaved') : savedAt ? t('page.saved', { time: format.time(savedAt) }) : ''}
      </p>
      <div className="actions">
        <button type="submit" className="btn btn-secondary" disabled={busy !== null} data-testid="report-save">
          {busy === 'save' ? t('page.saving') : t('page.saveDraft')}
        </button>
        <button type="button" className="btn btn-primary" disabled={busy !== null} onClick={() => void sign()} data-testid="report-sign">
          {busy === 'sign' ? t('page.signing') : t('page.sign')}
        </button>
      </div>
    </form>
  );
}

function SignedVersion({ visitId, version, canCorrect, onChange, mssante }: { visitId: string; version: ReportVersion; canCorrect: boolean; onChange: (r: VisitReport) => void; mssante: boolean }) {
  const { t } = useTranslation('report');
  const format = useFormat();
  const [error, setError] = useState<string | null>(null);
  const act = (work: () => Promise<VisitReport>) => async () => {
    setError(null);
    try {
      onChange(await work());
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const mssanteDelivery = version.deliveries.find((d) => d.destination === 'mssante');
  return (
    <article className="panel" data-testid="report-version" data-status={version.status} data-version={version.version}>
      <h2>
        {t('page.version', { version: version.version })} · <span className={`badge badge-${version.status}`}>{t(`status.${version.status}`)}</span>
      </h2>
      <p className="muted small">{version.signedAt && t('page.signed', { date: format.dateTime(version.signedAt) })}</p>
      {version.status === 'superseded' && <p className="muted small">{t('page.superseded')}</p>}
      <dl className="facts">
        {REPORT_SECTIONS.filter((s) => version.content[s].trim()).map((s) => (
          <div key={s}>
            <dt>{t(`sections.${s}`)}</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }}>{version.content[s]}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('page.downloads')}</h3>
      <p>
        {REPORT_FORMATS.map((f, i) => (
          <span key={f}>
            {i > 0 && ' · '}
            <a href={reportApi.fileUrl(visitId, f, version.version)} target={f === 'pdf' ? '_blank' : undefined} rel="noreferrer" data-testid={`report-download-${f}`}>
              {t(`page.${f}`)}
            </a>
          </span>
        ))}
      </p>
      {version.deliveries.length > 0 && (
        <>
          <h3>{t('page.deliveries')}</h3>
          <ul className="queue-list">
            {version.deliveries.map((d) => (
              <li key={d.id} className="queue-row" data-testid="report-delivery" data-destination={d.destination} data-state={d.state}>
                <span>{t(`destination.${d.destination}`)}</span>
                <span className="muted">{d.recipient ?? ''}</span>
                <span className={`badge badge-${d.state}`}>{t(`deliveryState.${d.state}`)}</span>
                {d.error && <span className="muted small">{d.error}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {error && <Notice tone="error">{error}</Notice>}
      <div className="actions">
        {version.status === 'signed' && mssante && (
          <button type="button" className="btn btn-secondary" onClick={act(() => reportApi.sendMssante(visitId))}>
            {t(mssanteDelivery ? 'page.resendMssante' : 'page.sendMssante')}
          </button>
        )}
        {canCorrect && (
          <button type="button" className="btn btn-secondary" onClick={act(() => reportApi.correct(visitId))} data-testid="report-correct">
            {t('page.correct')}
          </button>
        )}
      </div>
    </article>
  );
}
