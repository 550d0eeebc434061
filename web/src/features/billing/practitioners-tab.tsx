import { useState, type FormEvent } from 'react';
import { PROFESSIONS, SECTORS, SPECIALTIES, type PractitionerView, type Profession, type Sector, type Specialty } from '@visite/contracts';
import { PROFESSION_LABELS, SECTOR_LABELS, SPECIALTY_LABELS } from '../../shared/billing/labels';
import { Spinner } from '../../shared/ui/spinner';
import { billingApi } from './billing-api';
import { formatShare, initialProfileForm, readProfileForm, shareLevel, type ProfileErrors, type ProfileForm } from './practitioner-form';
import { BILLING_TEXT } from './strings';
import { useAction } from './use-action';

const T = BILLING_TEXT.practitioners;

export function PractitionersTab({ practitioners, onSaved }: { practitioners: PractitionerView[] | null; onSaved: (view: PractitionerView) => void }) {
  const [editingId, setEditingId] = useState<string | null>(null);
  if (!practitioners) return <Spinner label={BILLING_TEXT.loadingPractitioners} />;
  const editing = practitioners.find((p) => p.userId === editingId) ?? null;

  return (
    <div className="practitioners-layout">
      <section className="panel">
        {practitioners.length === 0 && <p className="muted">{T.empty}</p>}
        {practitioners.length > 0 && (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>{T.columns.name}</th>
                  <th>{T.columns.numbers}</th>
                  <th>{T.columns.practice}</th>
                  <th>{T.columns.sector}</th>
                  <th>{T.columns.acts}</th>
                  <th>{T.columns.share}</th>
                  <th aria-label={T.edit} />
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
                          {PROFESSION_LABELS[p.profile.profession]}
                          <br />
                          <span className="muted small">{SPECIALTY_LABELS[p.profile.specialty]}</span>
                        </td>
                        <td>
                          {SECTOR_LABELS[p.profile.sector]}
                          {p.profile.optam && <span className="muted small"> · OPTAM</span>}
                        </td>
                        <td>{p.profile.declaredActs ? `${p.profile.declaredActs.total} (${p.profile.declaredActs.year})` : '—'}</td>
                      </>
                    ) : (
                      <td colSpan={4} className="muted">
                        {T.noProfile}
                      </td>
                    )}
                    <td className={`share share-${shareLevel(p.share)}`} data-testid="practitioner-share">
                      {formatShare(p.share)}
                    </td>
                    <td>
                      <button type="button" className="btn btn-link" data-testid="practitioner-edit" onClick={() => setEditingId(p.userId)}>
                        {T.edit}
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
      {errors[key] && <small className="field-error">{errors[key]}</small>}
    </label>
  );

  return (
    <section className="panel" aria-labelledby="profile-title" data-testid="practitioner-form">
      <h2 id="profile-title">{T.editTitle(view.displayName)}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-row">
          {text('firstName', 'profile-first-name', T.firstName)}
          {text('lastName', 'profile-last-name', T.lastName)}
        </div>
        <div className="form-row">
          {text('rpps', 'profile-rpps', T.rpps, true)}
          {text('amNumber', 'profile-am', T.am, true)}
        </div>
        <div className="form-row">
          <label className="field">
            <span>{T.profession}</span>
            <select data-testid="profile-profession" value={form.profession} onChange={(e) => set('profession', e.target.value as Profession)}>
              {PROFESSIONS.map((p) => (
                <option key={p} value={p}>
                  {PROFESSION_LABELS[p]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{T.specialty}</span>
            <select data-testid="profile-specialty" value={form.specialty} onChange={(e) => set('specialty', e.target.value as Specialty)}>
              {SPECIALTIES.map((s) => (
                <option key={s} value={s}>
                  {SPECIALTY_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="form-row">
          <label className="field">
            <span>{T.sector}</span>
            <select data-testid="profile-sector" value={form.sector} onChange={(e) => set('sector', e.target.value as Sector)}>
              {SECTORS.map((s) => (
                <option key={s} value={s}>
                  {SECTOR_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox">
            <input type="checkbox" data-testid="profile-optam" checked={form.optam} onChange={(e) => set('optam', e.target.checked)} />
            <span>{T.optam}</span>
          </label>
        </div>
        <fieldset className="form-row plain-fieldset">
          <legend>{T.actsTitle}</legend>
          {text('actsYear', 'profile-acts-year', T.actsYear, true)}
          {text('actsTotal', 'profile-acts-total', T.actsTotal, true)}
        </fieldset>
        {action.error && (
          <p className="form-error" role="alert">
            {action.error}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="btn btn-primary" data-testid="profile-save" disabled={action.busy}>
            {action.busy ? T.saving : T.save}
          </button>
          <button type="button" className="btn btn-link" onClick={onCancel}>
            {T.cancel}
          </button>
          {saved && (
            <p className="form-ok" data-testid="profile-saved" role="status">
              {T.saved}
            </p>
          )}
        </div>
      </form>
    </section>
  );
}
