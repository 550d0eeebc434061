import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { PatientDetail, PatientVisitItem } from '@visite/contracts';
import { errorMessage } from '../../shared/api/api-error';
import { useFormat } from '../../shared/i18n/use-format';
import { formatBirthDate } from '../../shared/patients/format-birth-date';
import { usePatientLabel } from '../../shared/patients/patient-label';
import { patientsApi } from '../../shared/patients/patients-api';
import { LoadFailure } from '../../shared/ui/load-failure';
import { Notice } from '../../shared/ui/notice';
import { Spinner } from '../../shared/ui/spinner';

/** One patient: identity and contact, likely duplicates to check, and their visits. */
export function PatientPage({ renderRecord }: { renderRecord?: (patientId: string) => ReactNode } = {}) {
  const { t } = useTranslation('patients');
  const format = useFormat();
  const patientLabel = usePatientLabel();
  const { patientId = '' } = useParams();
  const [patient, setPatient] = useState<PatientDetail | null>(null);
  const [visits, setVisits] = useState<PatientVisitItem[] | null>(null);
  const [loadError, setLoadError] = useState<Error | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const load = useCallback(() => {
    Promise.all([patientsApi.get(patientId), patientsApi.visits(patientId)]).then(
      ([p, v]) => {
        setPatient(p);
        setVisits(v);
      },
      (e: unknown) => setLoadError(e instanceof Error ? e : new Error(String(e))),
    );
  }, [patientId]);
  useEffect(load, [load]);

  if (loadError)
    return (
      <LoadFailure error={loadError}>
        <Link to="/patients">{t('detail.back')}</Link>
      </LoadFailure>
    );
  if (!patient || !visits) return <Spinner label={t('detail.loading')} />;

  const notDuplicate = async (otherId: string) => {
    setActionError(null);
    try {
      await patientsApi.notDuplicate(patient.id, otherId);
      load();
    } catch (e) {
      setActionError(errorMessage(e));
    }
  };

  return (
    <div className="queue-layout">
      <section className="panel queue-panel" aria-labelledby="patient-title" data-testid="patient-page">
        <Link to="/patients" className="small">
          ← {t('detail.back')}
        </Link>
        <h1 id="patient-title">
          {patient.lastName.toUpperCase()} {patient.firstName}
        </h1>
        <dl className="facts">
          <dt>{t('detail.born')}</dt>
          <dd>{formatBirthDate(patient.birthDate)}</dd>
          {patient.birthName && (
            <>
              <dt>{t('detail.birthName')}</dt>
              <dd>{patient.birthName}</dd>
            </>
          )}
          <dt>{t('detail.phone')}</dt>
          <dd>{patient.phone ?? '—'}</dd>
          <dt>{t('detail.email')}</dt>
          <dd>{patient.email ?? '—'}</dd>
          <dt>{t('detail.language')}</dt>
          <dd>{t(`languages.${patient.preferredLanguage}`)}</dd>
        </dl>
        <h2>{t('detail.visitsTitle')}</h2>
        {visits.length === 0 && <p className="muted">{t('detail.noVisits')}</p>}
        <ul className="queue-list" data-testid="patient-visits">
          {visits.map((v) => (
            <li key={v.id} className="queue-row" data-testid="patient-visit" data-status={v.status}>
              <Link to={`/visits/${encodeURIComponent(v.id)}`}>{format.dateTime(v.scheduledAt)}</Link>
              <span className="muted">{v.doctor.displayName}</span>
              <span className={`badge badge-${v.status}`}>{t(`status.${v.status}`)}</span>
            </li>
          ))}
        </ul>
      </section>
      <aside className="queue-side">
        {renderRecord?.(patient.id)}
        {patient.possibleDuplicates.length > 0 && (
          <section className="panel panel-highlight" aria-labelledby="duplicates-title">
            <h2 id="duplicates-title">{t('detail.duplicatesTitle')}</h2>
            <p className="muted small">{t('detail.duplicatesHelp')}</p>
            {actionError && <Notice tone="error">{actionError}</Notice>}
            <ul className="queue-list">
              {patient.possibleDuplicates.map((d) => (
                <li key={d.id} className="queue-row" data-testid="possible-duplicate">
                  <div>
                    <Link to={`/patients/${encodeURIComponent(d.id)}`}>{patientLabel(d)}</Link>
                    <p className="muted small">{t(`duplicateReasons.${d.reason}`)}</p>
                  </div>
                  <button type="button" className="btn btn-secondary" onClick={() => void notDuplicate(d.id)}>
                    {t('detail.notDuplicate')}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </aside>
    </div>
  );
}
