import { useTranslation } from 'react-i18next';
import { useId } from 'react';
import { CARE_PATHWAY_EXCEPTIONS, PATIENT_LOCATIONS, type CarePathwayException, type PatientLocation } from '@visite/contracts';
import {
  addOnFees,
  allowsExtraFee,
  codeOptions,
  exceptionReasonRequired,
  feeAmount,
  needsOtherProfessional,
  withAddOn,
  withCode,
  type CodingFormErrors,
  type CodingFormState,
  type CodingSetting,
} from './coding-form-state';
import { useFormat } from '../i18n/use-format';
import { useBillingTerms } from './labels';

interface Props {
  state: CodingFormState;
  onChange: (next: CodingFormState) => void;
  setting: CodingSetting;
  /** Errors to show by field (after a first attempt to save). */
  errors: CodingFormErrors;
  disabled?: boolean;
}

/** The fields of a billed line, for the doctor's coding screen and the biller's correction alike. */
export function CodingForm({ state, onChange, setting, errors, disabled = false }: Props) {
  const id = useId();
  const { t } = useTranslation('billing-forms');
  const format = useFormat();
  const terms = useBillingTerms();
  const set = <K extends keyof CodingFormState>(key: K, value: CodingFormState[K]) => onChange({ ...state, [key]: value });
  const addOns = addOnFees(setting.fees);
  const reasonRequired = exceptionReasonRequired(state, setting.proposal);
  const feeUnknown = state.code !== '' && feeAmount(setting.fees, state.code) === null;
  const assisted = needsOtherProfessional(state.code);

  return (
    <fieldset className="form coding-form" disabled={disabled}>
      <div className="form-row">
        <label className="field">
          <span>{t('coding.code')}</span>
          <select data-testid="coding-code" value={state.code} onChange={(e) => onChange(withCode(state, e.target.value, setting.fees, setting.decimalSeparator))} aria-invalid={errors.code ? true : undefined}>
            {/* Only while no act is chosen: once chosen, every option is an act code. */}
            {state.code === '' && <option value="">{t('coding.chooseCode')}</option>}
            {codeOptions(setting.fees, state.code).map((option) => (
              <option key={option.value} value={option.value}>
                {option.feeLabel === null
                  ? t('coding.notValidOnDate', { code: option.value })
                  : t('coding.addOn', { code: option.value, label: option.feeLabel, amount: option.amountCents === null ? t('coding.feeToConfirm') : format.money(option.amountCents) })}
              </option>
            ))}
          </select>
          {errors.code && <small className="field-error">{t(errors.code)}</small>}
        </label>
        <label className="field">
          <span>{t('coding.amount')}</span>
          <input
            data-testid="coding-amount"
            inputMode="decimal"
            autoComplete="off"
            value={state.amount}
            onChange={(e) => set('amount', e.target.value)}
            aria-invalid={errors.amount ? true : undefined}
          />
          {errors.amount ? <small className="field-error">{t(errors.amount)}</small> : feeUnknown && <small className="muted">{t('coding.amountToConfirm')}</small>}
        </label>
      </div>

      {addOns.length > 0 && (
        <div className="field" role="group" aria-labelledby={`${id}-addons`}>
          <span id={`${id}-addons`}>{t('coding.addOns')}</span>
          {addOns.map((fee) => (
            <label key={fee.code} className="checkbox">
              <input
                type="checkbox"
                data-testid={`coding-addon-${fee.code}`}
                checked={state.addOns.some((a) => a.code === fee.code)}
                onChange={(e) => onChange(withAddOn(state, fee, e.target.checked))}
              />
              <span>
                {t('coding.addOn', { code: fee.code, label: fee.label, amount: fee.amountCents === null ? t('coding.feeToConfirm') : format.money(fee.amountCents) })}
              </span>
            </label>
          ))}
        </div>
      )}

      {allowsExtraFee(setting.practitioner) && (
        <label className="field">
          <span>{t('coding.extraFee')}</span>
          <input data-testid="coding-extra-fee" inputMode="decimal" autoComplete="off" value={state.extraFee} onChange={(e) => set('extraFee', e.target.value)} aria-invalid={errors.extraFee ? true : undefined} />
          <small className={errors.extraFee ? 'field-error' : 'muted'}>{t(errors.extraFee ?? 'coding.extraFeeHelp')}</small>
        </label>
      )}

      {assisted && (
        <label className="field">
          <span>{t('coding.otherProfessional')}</span>
          <input data-testid="coding-other-rpps" inputMode="numeric" autoComplete="off" value={state.otherProfessionalRpps} onChange={(e) => set('otherProfessionalRpps', e.target.value)} />
          <small className="muted">{state.code === 'TE2' ? t('coding.otherProfessionalHelpTE2') : t('coding.otherProfessionalHelpAssisted')}</small>
        </label>
      )}

      <label className="field">
        <span>{t('coding.location')}</span>
        <select data-testid="coding-location" value={state.patientLocation} onChange={(e) => set('patientLocation', e.target.value as PatientLocation | '')}>
          <option value="">{t('coding.chooseLocation')}</option>
          {PATIENT_LOCATIONS.map((location) => (
            <option key={location} value={location}>
              {terms.location(location)}
            </option>
          ))}
        </select>
      </label>

      <label className="checkbox">
        <input type="checkbox" data-testid="coding-referral" checked={state.referral} onChange={(e) => set('referral', e.target.checked)} />
        <span>{t('coding.referral')}</span>
      </label>

      <label className="field">
        <span>{t('coding.careException')}</span>
        <select data-testid="coding-exception" value={state.careException} onChange={(e) => set('careException', e.target.value as CarePathwayException | '')}>
          <option value="">{t('coding.noException')}</option>
          {CARE_PATHWAY_EXCEPTIONS.map((exception) => (
            <option key={exception} value={exception}>
              {terms.exception(exception)}
            </option>
          ))}
        </select>
      </label>

      <label className="field">
        <span>{reasonRequired ? t('coding.exceptionReasonRequired') : t('coding.exceptionReason')}</span>
        <textarea
          data-testid="coding-exception-reason"
          rows={2}
          value={state.exceptionReason}
          required={reasonRequired}
          onChange={(e) => set('exceptionReason', e.target.value)}
          aria-invalid={errors.exceptionReason ? true : undefined}
        />
        {errors.exceptionReason && <small className="field-error">{t(errors.exceptionReason)}</small>}
      </label>

      <label className="checkbox">
        <input type="checkbox" data-testid="coding-sick-note" checked={state.sickNote} onChange={(e) => set('sickNote', e.target.checked)} />
        <span>{t('coding.sickNote')}</span>
      </label>
      {state.sickNote && (
        <div className="form-row indent">
          <label className="field">
            <span>{t('coding.sickNoteDays')}</span>
            <input
              data-testid="coding-sick-note-days"
              inputMode="numeric"
              value={state.sickNoteDays}
              onChange={(e) => set('sickNoteDays', e.target.value)}
              aria-invalid={errors.sickNoteDays ? true : undefined}
            />
            {errors.sickNoteDays && <small className="field-error">{t(errors.sickNoteDays)}</small>}
          </label>
          <label className="checkbox">
            <input type="checkbox" data-testid="coding-in-person-impossible" checked={state.inPersonImpossible} onChange={(e) => set('inPersonImpossible', e.target.checked)} />
            <span>{t('coding.inPersonImpossible')}</span>
          </label>
        </div>
      )}

      <div className="form-row">
        <label className="checkbox">
          <input type="checkbox" data-testid="coding-third-party" checked={state.thirdPartyPayment} onChange={(e) => set('thirdPartyPayment', e.target.checked)} />
          <span>{t('coding.thirdPartyPayment')}</span>
        </label>
        <label className="field">
          <span>{t('coding.coveragePercent')}</span>
          <input
            data-testid="coding-coverage"
            inputMode="numeric"
            value={state.coveragePercent}
            onChange={(e) => set('coveragePercent', e.target.value)}
            aria-invalid={errors.coveragePercent ? true : undefined}
          />
          {errors.coveragePercent && <small className="field-error">{t(errors.coveragePercent)}</small>}
        </label>
      </div>
    </fieldset>
  );
}
