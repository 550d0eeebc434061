import { useTranslation } from 'react-i18next';
import { useState, type FormEvent } from 'react';
import type { VisitWithLink } from '@visite/contracts';
import { errorMessage } from '../../shared/api/api-error';
import { queueApi } from './queue-api';
import { validateNewVisit, type NewVisitErrors, type NewVisitForm } from './validate-new-visit';

const EMPTY: NewVisitForm = { firstName: '', lastName: '', birthDate: '', phone: '', email: '' };

export function NewVisitFormCard({ onCreated }: { onCreated: (created: VisitWithLink) => void }) {
  const { t } = useTranslation('queue');
  const [form, setForm] = useState<NewVisitForm>(EMPTY);
  const [errors, setErrors] = useState<NewVisitErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const field = (name: keyof NewVisitForm) => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value })),
    'aria-invalid': errors[name] ? true : undefined,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setServerError(null);
    const result = validateNewVisit(form);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      const created = await queueApi.create(result.request);
      setForm(EMPTY);
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
        <p className={errors.contact ? 'field-error' : 'muted small'}>{t(errors.contact ?? 'newVisit.contactHint')}</p>
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
