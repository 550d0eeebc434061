import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/i18n/use-format';
import { useState, type FormEvent } from 'react';
import { PROFESSIONS, SECTORS, SPECIALTIES, type PractitionerView, type Profession, type Sector, type Specialty } from '@visite/contracts';
import { useBillingTerms } from '../../shared/billing/labels';
import { Spinner } from '../../shared/ui/spinner';
import { billingApi } from './billing-api';
import { formatShare, initialProfileForm, readProfileForm, shareLevel, type ProfileErrors, type ProfileForm } from './practitioner-form';
import { useAction } from './use-action';


export function PractitionersTab({ practitioners, onSaved }: { practitioners: PractitionerView[] | null; onSaved: (view: PractitionerView) => void }) {
  const { t } = useTranslation('billing');
  const terms = useBillingTerms();
  const format = useFormat();
  const [editingId, setEditingId] = useState<string | null>(null);
  if (!practitioners) return <Spinner label={t('loadingPractitioners')} />;
  const editing = practitioners.find((p) => p.userId === editingId) ?? null;

  return (
    <div className="practitioners-layout">
      <section className="panel">
        {practitioners.length === 0 && <p className="muted">{t('practitioners.empty')}</p>}
        {practitioners.length > 0 && (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('practitioners.columns.name')}</th>
                  <th>{t('practitioners.columns.numbers')}</th>
                  <th>{t('practitioners.columns.practice')}</th>
                  <th>{t('practitioners.columns.sector')}</th>
                  <th>{t('practitioners.columns.acts')}</th>
                  <th>{t('practitioners.columns.share')}</th>
                  <th aria-label={t('practitioners.edit')} />
                </tr>
              </thead>
              <tbody>
                {practitioners.map((p) => (
                  <tr key={p.userId} data-testid="practitioner-row" data-user-id={p.userId} data-has-profile={p.profile ? 'true' : 'false'} className={p.userId === editingId ? 'selected' : undefined}>
                    <td>
                      <strong>{p.displayName}</strong>
                      <br />
                      <span className="muted small">{p.email}</span>
                    </td>
                    {p.profile ? (
                      <>
                        <td>
                          {p.profile.rpps}
                          <br />
                          <span className="muted small">{p.profile.amNumber}</span>
                        </td>
                        <td>
                          {terms.profession(p.profile.profession)}
                          <br />
                          <span className="muted small">{terms.specialty(p.profile.specialty)}</span>
                        </td>
                        <td>
                          {terms.sector(p.profile.sector)}
                          {p.profile.optam && <span className="muted small"> · OPTAM</span>}
                        </td>
                        <td>{p.profile.declaredActs ? `${p.profile.declaredActs.total} (${p.profile.declaredActs.year})` : '—'}</td>
                      </>
                    ) : (
                      <td colSpan={4} className="muted">
                        {t('practitioners.noProfile')}
                      </td>
                    )}
                    <td className={`share share-${shareLevel(p.share)}`} data-testid="practitioner-share">
                      {formatShare(p.share, format.language)}
                    </td>
                    <td>
                      <button type="button" className="btn btn-link" data-testid="practitioner-edit" onClick={() => setEditingId(p.userId)}>
                        {t('practitioners.edit')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {editing && <ProfileEditor key={editing.userId} view={editing} onSaved={onSaved} onCancel={() => setEditingId(null)} />}
    </div>
  );
}

function ProfileEditor({ view, onSaved, onCancel }: { view: PractitionerView; onSaved: (view: PractitionerView) => void; onCancel: () => void }) {
  const { t } = useTranslation('billing');
  const terms = useBillingTerms();
  const [form, setForm] = useState<ProfileForm>(() => initialProfileForm(view));
  const [errors, setErrors] = useState<ProfileErrors>({});
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const set = <K extends keyof ProfileForm>(key: K, value: ProfileForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setSaved(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = readProfileForm(form);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    const ok = await action.run(async () => onSaved(await billingApi.updatePractitioner(view.userId, result.profile)));
    setSaved(ok);
  };

  const text = (key: 'rpps' | 'amNumber' | 'firstName' | 'lastName' | 'actsYear' | 'actsTotal', testId: string, label: string, numeric = false) => (
    <label className="field">
      <span>{label}</span>
      <input
        data-testid={testId}
        inputMode={numeric ? 'numeric' : undefined}
        autoComplete="off"
        value={form[key]}
        onChange={(e) => set(key, e.target.value)}
        aria-invalid={errors[key] ? true : undefined}
      />
      {errors[key] && <small className="field-error">{t(errors[key])}</small>}
    </label>
  );

  return (
    <section className="panel" aria-labelledby="profile-title" data-testid="practitioner-form">
      <h2 id="profile-title">{t('practitioners.editTitle', { name: view.displayName })}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-row">
          {text('firstName', 'profile-first-name', t('practitioners.firstName'))}
          {text('lastName', 'profile-last-name', t('practitioners.lastName'))}
        </div>
        <div className="form-row">
          {text('rpps', 'profile-rpps', t('practitioners.rpps'), true)}
          {text('amNumber', 'profile-am', t('practitioners.am'), true)}
        </div>
        <div className="form-row">
          <label className="field">
            <span>{t('practitioners.profession')}</span>
            <select data-testid="profile-profession" value={form.profession} onChange={(e) => set('profession', e.target.value as Profession)}>
              {PROFESSIONS.map((p) => (
                <option key={p} value={p}>
                  {terms.profession(p)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('practitioners.specialty')}</span>
            <select data-testid="profile-specialty" value={form.specialty} onChange={(e) => set('specialty', e.target.value as Specialty)}>
              {SPECIALTIES.map((s) => (
                <option key={s} value={s}>
                  {terms.specialty(s)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="form-row">
          <label className="field">
            <span>{t('practitioners.sector')}</span>
            <select data-testid="profile-sector" value={form.sector} onChange={(e) => set('sector', e.target.value as Sector)}>
              {SECTORS.map((s) => (
                <option key={s} value={s}>
                  {terms.sector(s)}
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox">
            <input type="checkbox" data-testid="profile-optam" checked={form.optam} onChange={(e) => set('optam', e.target.checked)} />
            <span>{t('practitioners.optam')}</span>
          </label>
        </div>
        <fieldset className="form-row plain-fieldset">
          <legend>{t('practitioners.actsTitle')}</legend>
          {text('actsYear', 'profile-acts-year', t('practitioners.actsYear'), true)}
          {text('actsTotal', 'profile-acts-total', t('practitioners.actsTotal'), true)}
        </fieldset>
        {action.error && (
          <p className="form-error" role="alert">
            {action.error}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="btn btn-primary" data-testid="profile-save" disabled={action.busy}>
            {action.busy ? t('practitioners.saving') : t('practitioners.save')}
          </button>
          <button type="button" className="btn btn-link" onClick={onCancel}>
            {t('practitioners.cancel')}
          </button>
          {saved && (
            <p className="form-ok" data-testid="profile-saved" role="status">
              {t('practitioners.saved')}
            </p>
          )}
        </div>
      </form>
    </section>
  );
}
