import { useTranslation } from 'react-i18next';
import { useState, type FormEvent } from 'react';
import type { PatientListItem, VisitWithLink } from '@visite/contracts';
import { errorMessage } from '../../shared/api/api-error';
import { patientLabel } from '../../shared/patients/patient-label';
import { PatientPicker } from '../../shared/patients/patient-picker';
import { queueApi } from './queue-api';
import { validateNewVisit, type NewVisitErrors, type NewVisitForm } from './validate-new-visit';

const EMPTY: NewVisitForm = { firstName: '', lastName: '', birthName: '', birthDate: '', phone: '', email: '' };

/**
 * A new visit: for a patient picked from the directory (search as you type), or a new one typed in. A new
 * patient who is in fact already in the directory (same names and date of birth) is reused by the server.
 */
export function NewVisitFormCard({ doctorId, onCreated }: { doctorId?: string; onCreated: (created: VisitWithLink) => void }) {
  const { t } = useTranslation('queue');
  const { t: tp } = useTranslation('practice');
  const [form, setForm] = useState<NewVisitForm>(EMPTY);
  const [picked, setPicked] = useState<PatientListItem | null>(null);
  const [reusedNotice, setReusedNotice] = useState(false);
  const [errors, setErrors] = useState<NewVisitErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const field: FieldProps = (name) => ({
    value: form[name] ?? '',
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value })),
    'aria-invalid': errors[name as keyof NewVisitErrors] ? true : undefined,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setServerError(null);
    setReusedNotice(false);
    let request;
    if (picked) request = { patientId: picked.id };
    else {
      const result = validateNewVisit(form);
      if ('errors' in result) {
        setErrors(result.errors);
        return;
      }
      request = result.request;
    }
    setErrors({});
    setSubmitting(true);
    try {
      const created = await queueApi.create({ ...request, ...(doctorId ? { doctorId } : {}) });
      setForm(EMPTY);
      setPicked(null);
      setReusedNotice(!!created.patientReused);
      onCreated(created);
    } catch (e) {
      setServerError(errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="new-visit-title">
      <h2 id="new-visit-title">{t('newVisit.title')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {picked ? (
          <div className="chosen-patient" data-testid="new-visit-chosen">
            <span className="muted small">{tp('newVisit.chosen')}</span>
            <p>
              <strong>{patientLabel(picked)}</strong> <span className="muted small">{picked.phone ?? picked.email}</span>
            </p>
            <button type="button" className="btn btn-link" onClick={() => setPicked(null)}>
              {tp('newVisit.change')}
            </button>
          </div>
        ) : (
          <>
            <PatientPicker onPick={setPicked} />
            <h3 className="small">{tp('newVisit.orNew')}</h3>
            <NewPatientFields field={field} errors={errors} />
          </>
        )}
        {reusedNotice && (
          <p className="form-ok" role="status" data-testid="new-visit-reused">
            {tp('newVisit.reused')}
          </p>
        )}
        {serverError && (
          <p className="form-error" role="alert">
            {serverError}
          </p>
        )}
        <button data-testid="new-visit-submit" type="submit" className="btn btn-primary" disabled={submitting}>
          {submitting ? t('newVisit.submitting') : t('newVisit.submit')}
        </button>
      </form>
    </section>
  );
}

type FieldProps = (name: keyof NewVisitForm) => { value: string; onChange: (e: { target: { value: string } }) => void; 'aria-invalid': true | undefined };

function NewPatientFields({ field, errors }: { field: FieldProps; errors: NewVisitErrors }) {
  const { t } = useTranslation('queue');
  const { t: tp } = useTranslation('practice');
  return (
    <>
        <div className="form-row">
          <label className="field">
            <span>{t('newVisit.firstName')}</span>
            <input data-testid="new-visit-first-name" autoComplete="off" {...field('firstName')} />
            {errors.firstName && <small className="field-error">{t(errors.firstName)}</small>}
          </label>
          <label className="field">
            <span>{t('newVisit.lastName')}</span>
            <input data-testid="new-visit-last-name" autoComplete="off" {...field('lastName')} />
            {errors.lastName && <small className="field-error">{t(errors.lastName)}</small>}
          </label>
        </div>
        <label className="field">
          <span>{t('newVisit.birthDate')}</span>
          <input data-testid="new-visit-birth-date" type="date" max={new Date().toISOString().slice(0, 10)} {...field('birthDate')} />
          {errors.birthDate && <small className="field-error">{t(errors.birthDate)}</small>}
        </label>
        <div className="form-row">
          <label className="field">
            <span>{t('newVisit.phone')}</span>
            <input data-testid="new-visit-phone" type="tel" inputMode="tel" autoComplete="off" placeholder={t('newVisit.phonePlaceholder')} {...field('phone')} />
            {errors.phone && <small className="field-error">{t(errors.phone)}</small>}
          </label>
          <label className="field">
            <span>{t('newVisit.email')}</span>
            <input data-testid="new-visit-email" type="email" autoComplete="off" {...field('email')} />
            {errors.email && <small className="field-error">{t(errors.email)}</small>}
          </label>
        </div>
        <label className="field">
          <span>{tp('newVisit.birthName')}</span>
          <input data-testid="new-visit-birth-name" autoComplete="off" {...field('birthName')} />
        </label>
        <p className={errors.contact ? 'field-error' : 'muted small'}>{t(errors.contact ?? 'newVisit.contactHint')}</p>
    </>
  );
}
