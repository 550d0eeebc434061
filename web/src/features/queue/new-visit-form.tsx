import { useState, type FormEvent } from 'react';
import type { VisitWithLink } from '@visite/contracts';
import { errorMessage } from '../../shared/api/api-error';
import { queueApi } from './queue-api';
import { QUEUE_TEXT } from './strings';
import { validateNewVisit, type NewVisitErrors, type NewVisitForm } from './validate-new-visit';

const EMPTY: NewVisitForm = { firstName: '', lastName: '', birthDate: '', phone: '', email: '' };
const T = QUEUE_TEXT.newVisit;

export function NewVisitFormCard({ onCreated }: { onCreated: (created: VisitWithLink) => void }) {
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
      <h2 id="new-visit-title">{T.title}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-row">
          <label className="field">
            <span>{T.firstName}</span>
            <input data-testid="new-visit-first-name" autoComplete="off" {...field('firstName')} />
            {errors.firstName && <small className="field-error">{errors.firstName}</small>}
          </label>
          <label className="field">
            <span>{T.lastName}</span>
            <input data-testid="new-visit-last-name" autoComplete="off" {...field('lastName')} />
            {errors.lastName && <small className="field-error">{errors.lastName}</small>}
          </label>
        </div>
        <label className="field">
          <span>{T.birthDate}</span>
          <input data-testid="new-visit-birth-date" type="date" max={new Date().toISOString().slice(0, 10)} {...field('birthDate')} />
          {errors.birthDate && <small className="field-error">{errors.birthDate}</small>}
        </label>
        <div className="form-row">
          <label className="field">
            <span>{T.phone}</span>
            <input data-testid="new-visit-phone" type="tel" inputMode="tel" autoComplete="off" placeholder="06 12 34 56 78" {...field('phone')} />
            {errors.phone && <small className="field-error">{errors.phone}</small>}
          </label>
          <label className="field">
            <span>{T.email}</span>
            <input data-testid="new-visit-email" type="email" autoComplete="off" {...field('email')} />
            {errors.email && <small className="field-error">{errors.email}</small>}
          </label>
        </div>
        <p className={errors.contact ? 'field-error' : 'muted small'}>{errors.contact ?? T.contactHint}</p>
        {serverError && (
          <p className="form-error" role="alert">
            {serverError}
          </p>
        )}
        <button data-testid="new-visit-submit" type="submit" className="btn btn-primary" disabled={submitting}>
          {submitting ? T.submitting : T.submit}
        </button>
      </form>
    </section>
  );
}
