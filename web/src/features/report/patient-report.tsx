import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatientReportInfo } from '@visite/contracts';
import { useFormat } from '../../shared/i18n/use-format';
import { reportApi } from './report-api';

/** On the patient's link once the visit is over: their signed report (PDF), or that it is not ready yet. */
export function PatientReport({ token }: { token: string }) {
  const { t } = useTranslation('report');
  const format = useFormat();
  const [info, setInfo] = useState<PatientReportInfo | null | undefined>(undefined);
  useEffect(() => {
    reportApi.patientInfo(token).then(setInfo, () => setInfo(null));
  }, [token]);
  if (info === undefined) return null;
  return (
    <section className="panel" aria-labelledby="patient-report-title" data-testid="patient-report">
      <h2 id="patient-report-title">{t('patient.title')}</h2>
      {info ? (
        <>
          <p>{t('patient.help', { doctor: info.doctorName, date: format.dateTime(info.signedAt) })}</p>
          <a className="btn btn-primary" href={reportApi.patientPdfUrl(token)} target="_blank" rel="noreferrer" data-testid="patient-report-pdf">
            {t('patient.open')}
          </a>
        </>
      ) : (
        <p className="muted">{t('patient.none')}</p>
      )}
    </section>
  );
}
