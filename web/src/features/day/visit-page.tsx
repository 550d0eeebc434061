import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { VisitView } from '@visite/contracts';
import { errorMessage } from '../../shared/api/api-error';
import { useFormat } from '../../shared/i18n/use-format';
import { useDocumentTitle } from '../../shared/i18n/use-document-title';
import { Notice } from '../../shared/ui/notice';
import { Spinner } from '../../shared/ui/spinner';
import { dayApi } from './day-api';
import { VisitHistory } from './visit-history';

/** One visit as staff see it: when, with whom, its state and its history. */
export function VisitPage() {
  const { t } = useTranslation('day');
  const { t: tq } = useTranslation('queue');
  const { visitId = '' } = useParams();
  const format = useFormat();
  const [visit, setVisit] = useState<VisitView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useDocumentTitle(t('visit.documentTitle'));

  useEffect(() => {
    dayApi.visit(visitId).then(setVisit, (e: unknown) => setError(errorMessage(e)));
  }, [visitId]);

  if (error) return <Notice tone="error">{error}</Notice>;
  if (!visit) return <Spinner label={t('visit.loading')} />;
  const name = `${visit.patient.firstName} ${visit.patient.lastName}`;
  return (
    <div className="queue-layout">
      <section className="panel" aria-labelledby="visit-title" data-testid="visit-page" data-status={visit.status}>
        <p>
          <Link to="/">{t('visit.back')}</Link>
        </p>
        <h1 id="visit-title">{t('visit.title', { name })}</h1>
        <p>
          <span className={`badge badge-${visit.status}`}>{tq(`status.${visit.status}`)}</span>
        </p>
        <p>{t('visit.scheduledAt', { when: format.dateTime(visit.scheduledAt) })}</p>
        <p className="muted">{t('visit.doctor', { doctor: visit.doctor.displayName })}</p>
        <p>
          <Link to={`/patients/${encodeURIComponent(visit.patient.id)}`}>{t('visit.patientPage')}</Link>
        </p>
      </section>
      <aside className="queue-side">
        <VisitHistory visitId={visit.id} version={visit.status} />
      </aside>
    </div>
  );
}
