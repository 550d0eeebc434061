import { staffRoutes, type DoctorSummary } from '@visite/contracts';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { callApi } from '../../shared/api/api-client';

/** Whose schedule: a doctor their own; an assistant one they assist; an admin any doctor of the practice. */
export function useDoctorChoice(): { doctorId: string | null; selector: ReactNode } {
  const { t } = useTranslation('booking');
  const { user } = useAuth();
  const [doctors, setDoctors] = useState<DoctorSummary[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => {
    if (!user) return;
    if (user.role === 'doctor') setDoctors([{ id: user.id, displayName: user.displayName }]);
    else if (user.role === 'assistant') setDoctors(user.assists);
    else void callApi(staffRoutes.doctors, {}).then(setDoctors, () => setDoctors([]));
  }, [user]);
  const doctorId = chosen ?? doctors[0]?.id ?? null;
  const selector =
    doctors.length > 1 ? (
      <label className="field">
        <span>{t('doctor')}</span>
        <select data-testid="schedule-doctor" value={doctorId ?? ''} onChange={(e) => setChosen(e.target.value)}>
          {doctors.map((d) => <option key={d.id} value={d.id}>{d.displayName}</option>)}
        </select>
      </label>
    ) : doctors.length === 0 ? <p className="muted">{t('noDoctor')}</p> : null;
  return { doctorId, selector };
}
