import { useTranslation } from 'react-i18next';
import { useState, type FormEvent } from 'react';
import { IDENTITY_STATUSES, INS_OID_NIA, INS_OID_NIR, type IdentityStatus, type InsOid, type PatientBilling, type PatientIdentityUpdate } from '@visite/contracts';
import { errorMessage } from '../api/api-error';
import {
  identityHints,
  initialIdentityForm,
  isSelfRegularDoctor,
  readIdentityForm,
  withIns,
  withSelfRegularDoctor,
  type IdentityFormErrors,
  type IdentityFormState,
} from './identity-form-state';
import { useBillingTerms } from './labels';

const SEXES: readonly PatientBilling['sex'][] = ['female', 'male', 'unknown'];

interface Props {
  patient: PatientBilling;
  /** RPPS filled by the "regular doctor" box: the signed-in doctor's, or the line's doctor for a biller. */
  selfRpps: string | null;
  selfLabel?: string;
  onSave: (update: PatientIdentityUpdate) => Promise<void>;
  disabled?: boolean;
}

/** The patient's billing identity (NIR, rank, INS, regular doctor), saved on its own. */
export function IdentityForm({ patient, selfRpps, selfLabel, onSave, disabled = false }: Props) {
  const { t } = useTranslation('billing-forms');
  const terms = useBillingTerms();
  const [state, setState] = useState<IdentityFormState>(() => initialIdentityForm(patient));
  const [errors, setErrors] = useState<IdentityFormErrors>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);

  const change = (next: IdentityFormState) => {
    setState(next);
    setSaved(false);
  };
  const set = <K extends keyof IdentityFormState>(key: K, value: IdentityFormState[K]) => change({ ...state, [key]: value });
  const hints = identityHints(state);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setServerError(null);
    const result = readIdentityForm(state);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await onSave(result.update);
      setSaved(true);
    } catch (e) {
      setServerError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="form identity-form" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="form" disabled={disabled || saving}>
        <div className="form-row">
          <label className="field">
            <span>{t('identity.insuredNir')}</span>
            <input
              data-testid="identity-insured-nir"
              autoComplete="off"
              value={state.insuredNir}
              onChange={(e) => set('insuredNir', e.target.value)}
              aria-invalid={hints.insuredNir ? true : undefined}
            />
            <small className={hints.insuredNir ? 'field-hint' : 'muted'}>{hints.insuredNir ?? t('identity.insuredNirHelp')}</small>
          </label>
          <label className="field">
            <span>{t('identity.beneficiaryRank')}</span>
            <input
              data-testid="identity-rank"
              inputMode="numeric"
              value={state.beneficiaryRank}
              onChange={(e) => set('beneficiaryRank', e.target.value)}
              aria-invalid={errors.beneficiaryRank ? true : undefined}
            />
            <small className={errors.beneficiaryRank ? 'field-error' : 'muted'}>{t(errors.beneficiaryRank ?? 'identity.beneficiaryRankHelp')}</small>
          </label>
        </div>
        <div className="form-row">
          <label className="field">
            <span>{t('identity.sex')}</span>
            <select data-testid="identity-sex" value={state.sex} onChange={(e) => set('sex', e.target.value as PatientBilling['sex'])}>
              {SEXES.map((sex) => (
                <option key={sex} value={sex}>
                  {terms.sex(sex)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('identity.identityStatus')}</span>
            <select data-testid="identity-status" value={state.identityStatus} onChange={(e) => set('identityStatus', e.target.value as IdentityStatus)}>
              {IDENTITY_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {terms.identityStatus(status)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {state.identityStatus === 'QUAL' && (
          <div className="form-row">
            <label className="field">
              <span>{t('identity.ins')}</span>
              <input data-testid="identity-ins" autoComplete="off" value={state.ins} onChange={(e) => change(withIns(state, e.target.value))} aria-invalid={hints.ins ? true : undefined} />
              {hints.ins && <small className="field-hint">{hints.ins}</small>}
            </label>
            <label className="field">
              <span>{t('identity.insOid')}</span>
              <select data-testid="identity-ins-oid" value={state.insOid} onChange={(e) => set('insOid', e.target.value as InsOid)}>
                {[INS_OID_NIR, INS_OID_NIA].map((oid) => (
                  <option key={oid} value={oid}>
                    {terms.insOid(oid as InsOid)}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
        <label className="field">
          <span>{t('identity.regularDoctorRpps')}</span>
          <input
            data-testid="identity-regular-doctor"
            inputMode="numeric"
            autoComplete="off"
            value={state.regularDoctorRpps}
            onChange={(e) => set('regularDoctorRpps', e.target.value)}
            aria-invalid={errors.regularDoctorRpps ? true : undefined}
          />
          {errors.regularDoctorRpps && <small className="field-error">{t(errors.regularDoctorRpps)}</small>}
        </label>
        {selfRpps && (
          <label className="checkbox">
            <input
              type="checkbox"
              data-testid="identity-regular-doctor-self"
              checked={isSelfRegularDoctor(state, selfRpps)}
              onChange={(e) => change(withSelfRegularDoctor(state, selfRpps, e.target.checked))}
            />
            <span>{selfLabel ?? t('identity.selfRegularDoctor')}</span>
          </label>
        )}
        {serverError && (
          <p className="form-error" role="alert">
            {serverError}
          </p>
        )}
        <div className="button-row">
          <button type="submit" data-testid="identity-save" className="btn btn-secondary">
            {saving ? t('identity.saving') : t('identity.save')}
          </button>
          {saved && (
            <p className="form-ok" data-testid="identity-saved" role="status">
              {t('identity.saved')}
            </p>
          )}
        </div>
      </fieldset>
    </form>
  );
}
