import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PatientRecord as Record } from '@visite/contracts';
import { useAuth } from '../auth/auth-context';
import { useFormat } from '../../shared/i18n/use-format';
import { reportApi } from './report-api';

/** On the patient's page: their visits with what each left (report, documents, chat), by role. */
export function PatientRecord({ patientId }: { patientId: string }) {
  const { t } = useTranslation(['report', 'patients']);
  const format = useFormat();
  const { user } = useAuth();
  const [record, setRecord] = useState<Record | null>(null);
  useEffect(() => {
    reportApi.record(patientId).then(setRecord, () => setRecord(null));
  }, [patientId]);
  if (!record) return null;
  return (
    <section className="panel" aria-labelledby="record-title" data-testid="patient-record">
      <h2 id="record-title">{t('record.title')}</h2>
      {!record.clinical && <p className="muted small">{t('record.notClinical')}</p>}
      <ul className="queue-list">
        {record.visits.map((v) => (
          <li key={v.id} className="queue-row" data-testid="record-visit" data-report={v.report?.status ?? 'none'}>
            <span>{format.dateTime(v.scheduledAt)}</span>
            <span className="muted">{v.doctor.displayName}</span>
            {record.clinical && (
              <span>
                {v.report ? (
                  <>
                    <span className={`badge badge-${v.report.status}`}>{t(`status.${v.report.status}`)}</span> {v.report.reason}
                  </>
                ) : (
                  <span className="muted">{t('record.noReport')}</span>
                )}
                {v.documents !== null && <span className="muted small"> · {t('record.documents', { count: v.documents })}</span>}
                {v.chatMessages !== null && <span className="muted small"> · {t('record.chat', { count: v.chatMessages })}</span>}
              </span>
            )}
            {record.clinical && user?.role === 'doctor' && v.status === 'completed' && (
              <Link to={`/visits/${encodeURIComponent(v.id)}/report`}>{t('record.open')}</Link>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
