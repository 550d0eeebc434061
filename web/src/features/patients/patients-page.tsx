import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { DuplicatePair, Language } from '@visite/contracts';
import { errorMessage } from '../../shared/api/api-error';
import { Notice } from '../../shared/ui/notice';
import { usePatientLabel } from '../../shared/patients/patient-label';
import { PatientPicker } from '../../shared/patients/patient-picker';
import { patientsApi } from '../../shared/patients/patients-api';
const patientPath = (id: string) => `/patients/${encodeURIComponent(id)}`;

/** The directory: search, the likely duplicates to check, and a new patient. */
export function PatientsPage() {
  const { t } = useTranslation('patients');
  const patientLabel = usePatientLabel();
  const navigate = useNavigate();
  const [pairs, setPairs] = useState<DuplicatePair[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loadPairs = useCallback(() => {
    patientsApi.duplicates().then(setPairs, (e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(loadPairs, [loadPairs]);

  return (
    <div className="queue-layout">
      <section className="panel queue-panel" aria-labelledby="patients-title">
        <h1 id="patients-title">{t('list.title')}</h1>
        <PatientPicker autoFocus onPick={(p) => navigate(patientPath(p.id))} />
        <h2>{t('list.duplicatesTitle')}</h2>
        {error && <Notice tone="error">{error}</Notice>}
        {pairs && pairs.length === 0 && <p className="muted">{t('list.duplicatesNone')}</p>}
        {pairs && pairs.length > 0 && (
          <ul className="queue-list" data-testid="duplicate-pairs">
            {pairs.map((pair) => (
              <li key={`${pair.a.id}-${pair.b.id}`} className="queue-row">
                <div>
                  <Link to={patientPath(pair.a.id)}>{patientLabel(pair.a)}</Link>
                  <br />
                  <Link to={patientPath(pair.b.id)}>{patientLabel(pair.b)}</Link>
                  <p className="muted small">{t(`duplicateReasons.${pair.reason}`)}</p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <aside className="queue-side">
        <NewPatientForm onCreated={(id) => navigate(patientPath(id))} />
      </aside>
    </div>
  );
}

function NewPatientForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useTranslation('patients');
  const [form, setForm] = useState({ firstName: '', lastName: '', birthName: '', birthDate: '', phone: '', email: '', preferredLanguage: 'fr' as Language });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const field = (name: keyof typeof form) => ({ value: form[name], onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value })) });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const created = await patientsApi.create({
        firstName: form.firstName,
        lastName: form.lastName,
        birthDate: form.birthDate,
        preferredLanguage: form.preferredLanguage,
        ...(form.birthName.trim() ? { birthName: form.birthName } : {}),
        ...(form.phone.trim() ? { phone: form.phone } : {}),
        ...(form.email.trim() ? { email: form.email } : {}),
      });
      onCreated(created.id);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="new-patient-title">
      <h2 id="new-patient-title">{t('list.newPatient')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-row">
          <label className="field">
            <span>{t('form.firstName')}</span>
            <input {...field('firstName')} autoComplete="off" />
          </label>
          <label className="field">
            <span>{t('form.lastName')}</span>
            <input {...field('lastName')} autoComplete="off" />
          </label>
        </div>
        <label className="field">
          <span>{t('form.birthName')}</span>
          <input {...field('birthName')} autoComplete="off" />
        </label>
        <label className="field">
          <span>{t('form.birthDate')}</span>
          <input type="date" max={new Date().toISOString().slice(0, 10)} {...field('birthDate')} />
        </label>
        <div className="form-row">
          <label className="field">
            <span>{t('form.phone')}</span>
            <input type="tel" {...field('phone')} autoComplete="off" />
          </label>
          <label className="field">
            <span>{t('form.email')}</span>
            <input type="email" {...field('email')} autoComplete="off" />
          </label>
        </div>
        <label className="field">
          <span>{t('form.language')}</span>
          <select {...field('preferredLanguage')}>
            <option value="fr">{t('languages.fr')}</option>
            <option value="en">{t('languages.en')}</option>
          </select>
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? t('form.saving') : t('form.submit')}
        </button>
      </form>
    </section>
  );
}
