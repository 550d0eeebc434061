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
import { CARE_EXCEPTION_LABELS, PATIENT_LOCATION_LABELS } from './labels';
import { formatCents } from './money';
import { CODING_FORM_TEXT as T } from './strings';

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
  const set = <K extends keyof CodingFormState>(key: K, value: CodingFormState[K]) => onChange({ ...state, [key]: value });
  const addOns = addOnFees(setting.fees);
  const reasonRequired = exceptionReasonRequired(state, setting.proposal);
  const feeUnknown = state.code !== '' && feeAmount(setting.fees, state.code) === null;
  const assisted = needsOtherProfessional(state.code);

  return (
    <fieldset className="form coding-form" disabled={disabled}>
      <div className="form-row">
        <label className="field">
          <span>{T.code}</span>
          <select data-testid="coding-code" value={state.code} onChange={(e) => onChange(withCode(state, e.target.value, setting.fees))} aria-invalid={errors.code ? true : undefined}>
            {/* Only while no act is chosen: once chosen, every option is an act code. */}
            {state.code === '' && <option value="">{T.chooseCode}</option>}
            {codeOptions(setting.fees, state.code, formatCents).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          {errors.code && <small className="field-error">{errors.code}</small>}
        </label>
        <label className="field">
          <span>{T.amount}</span>
          <input
            data-testid="coding-amount"
            inputMode="decimal"
            autoComplete="off"
            value={state.amount}
            onChange={(e) => set('amount', e.target.value)}
            aria-invalid={errors.amount ? true : undefined}
          />
          {errors.amount ? <small className="field-error">{errors.amount}</small> : feeUnknown && <small className="muted">{T.amountToConfirm}</small>}
        </label>
      </div>

      {addOns.length > 0 && (
        <div className="field" role="group" aria-labelledby={`${id}-addons`}>
          <span id={`${id}-addons`}>{T.addOns}</span>
          {addOns.map((fee) => (
            <label key={fee.code} className="checkbox">
              <input
                type="checkbox"
                data-testid={`coding-addon-${fee.code}`}
                checked={state.addOns.some((a) => a.code === fee.code)}
                onChange={(e) => onChange(withAddOn(state, fee, e.target.checked))}
              />
              <span>
                {fee.code} — {fee.label} ({fee.amountCents === null ? 'fee to confirm' : formatCents(fee.amountCents)})
              </span>
            </label>
          ))}
        </div>
      )}

      {allowsExtraFee(setting.practitioner) && (
        <label className="field">
          <span>{T.extraFee}</span>
          <input data-testid="coding-extra-fee" inputMode="decimal" autoComplete="off" value={state.extraFee} onChange={(e) => set('extraFee', e.target.value)} aria-invalid={errors.extraFee ? true : undefined} />
          <small className={errors.extraFee ? 'field-error' : 'muted'}>{errors.extraFee ?? T.extraFeeHelp}</small>
        </label>
      )}

      {assisted && (
        <label className="field">
          <span>{T.otherProfessional}</span>
          <input data-testid="coding-other-rpps" inputMode="numeric" autoComplete="off" value={state.otherProfessionalRpps} onChange={(e) => set('otherProfessionalRpps', e.target.value)} />
          <small className="muted">{state.code === 'TE2' ? T.otherProfessionalHelp.TE2 : T.otherProfessionalHelp.assisted}</small>
        </label>
      )}

      <label className="field">
        <span>{T.location}</span>
        <select data-testid="coding-location" value={state.patientLocation} onChange={(e) => set('patientLocation', e.target.value as PatientLocation | '')}>
          <option value="">{T.chooseLocation}</option>
          {PATIENT_LOCATIONS.map((location) => (
            <option key={location} value={location}>
              {PATIENT_LOCATION_LABELS[location]}
            </option>
          ))}
        </select>
      </label>

      <label className="checkbox">
        <input type="checkbox" data-testid="coding-referral" checked={state.referral} onChange={(e) => set('referral', e.target.checked)} />
        <span>{T.referral}</span>
      </label>

      <label className="field">
        <span>{T.careException}</span>
        <select data-testid="coding-exception" value={state.careException} onChange={(e) => set('careException', e.target.value as CarePathwayException | '')}>
          <option value="">{T.noException}</option>
          {CARE_PATHWAY_EXCEPTIONS.map((exception) => (
            <option key={exception} value={exception}>
              {CARE_EXCEPTION_LABELS[exception]}
            </option>
          ))}
        </select>
      </label>

      <label className="field">
        <span>{reasonRequired ? T.exceptionReasonRequired : T.exceptionReason}</span>
        <textarea
          data-testid="coding-exception-reason"
          rows={2}
          value={state.exceptionReason}
          required={reasonRequired}
          onChange={(e) => set('exceptionReason', e.target.value)}
          aria-invalid={errors.exceptionReason ? true : undefined}
        />
        {errors.exceptionReason && <small className="field-error">{errors.exceptionReason}</small>}
      </label>

      <label className="checkbox">
        <input type="checkbox" data-testid="coding-sick-note" checked={state.sickNote} onChange={(e) => set('sickNote', e.target.checked)} />
        <span>{T.sickNote}</span>
      </label>
      {state.sickNote && (
        <div className="form-row indent">
          <label className="field">
            <span>{T.sickNoteDays}</span>
            <input
              data-testid="coding-sick-note-days"
              inputMode="numeric"
              value={state.sickNoteDays}
              onChange={(e) => set('sickNoteDays', e.target.value)}
              aria-invalid={errors.sickNoteDays ? true : undefined}
            />
            {errors.sickNoteDays && <small className="field-error">{errors.sickNoteDays}</small>}
          </label>
          <label className="checkbox">
            <input type="checkbox" data-testid="coding-in-person-impossible" checked={state.inPersonImpossible} onChange={(e) => set('inPersonImpossible', e.target.checked)} />
            <span>{T.inPersonImpossible}</span>
          </label>
        </div>
      )}

      <div className="form-row">
        <label className="checkbox">
          <input type="checkbox" data-testid="coding-third-party" checked={state.thirdPartyPayment} onChange={(e) => set('thirdPartyPayment', e.target.checked)} />
          <span>{T.thirdPartyPayment}</span>
        </label>
        <label className="field">
          <span>{T.coveragePercent}</span>
          <input
            data-testid="coding-coverage"
            inputMode="numeric"
            value={state.coveragePercent}
            onChange={(e) => set('coveragePercent', e.target.value)}
            aria-invalid={errors.coveragePercent ? true : undefined}
          />
          {errors.coveragePercent && <small className="field-error">{errors.coveragePercent}</small>}
        </label>
      </div>
    </fieldset>
  );
}
