import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/i18n/use-format';
import { useMemo, useState } from 'react';
import { feesValidOn, proposeCode } from '@visite/billing';
import type { BillingLineView } from '@visite/contracts';
import { CheckedResults } from '../../shared/billing/checked-results';
import { CodingForm } from '../../shared/billing/coding-form';
import { hasErrors } from '../../shared/billing/coding-form-state';
import { useBillingTerms } from '../../shared/billing/labels';
import { useCodingForm } from '../../shared/billing/use-coding-form';
import { billingApi } from './billing-api';
import { useAction } from './use-action';


/** The biller's correction of a line's coding: the doctor's form, priced and checked on the line's own data. */
export function LineCodingCorrection({ line, onChanged }: { line: BillingLineView; onChanged: (lines: BillingLineView[]) => void }) {
  const { t } = useTranslation('billing');
  const terms = useBillingTerms();
  const { input, dateOfService } = line;
  const fees = useMemo(() => feesValidOn(dateOfService), [dateOfService]);
  const proposal = useMemo(() => proposeCode(input.practitioner, input.visit.modality, dateOfService), [input.practitioner, input.visit.modality, dateOfService]);
  const { decimalSeparator } = useFormat();
  const setting = useMemo(() => ({ practitioner: input.practitioner, proposal, fees, decimalSeparator }), [input.practitioner, proposal, fees, decimalSeparator]);
  const base = useMemo(
    () => ({ practitioner: input.practitioner, patient: input.patient, visit: input.visit, context: input.context }),
    [input.practitioner, input.patient, input.visit, input.context],
  );
  const form = useCodingForm({ setting, base, existing: input.coding, saved: line });
  const [showErrors, setShowErrors] = useState(false);
  const [savedState, setSavedState] = useState<string | null>(null);
  const action = useAction();

  const save = async () => {
    if (hasErrors(form.read.errors)) {
      setShowErrors(true);
      return;
    }
    await action.run(async () => {
      const updated = await billingApi.correctCoding(line.id, form.read.coding);
      onChanged([updated]);
      setSavedState(terms.state(updated.state));
      setShowErrors(false);
    });
  };

  return (
    <div className="line-correction">
      <p className="muted small" data-testid="line-proposal">
        {proposal.code ?? '—'}: {proposal.reason}
      </p>
      <CodingForm
        state={form.state}
        onChange={(next) => {
          form.setState(next);
          setSavedState(null);
        }}
        setting={setting}
        errors={showErrors ? form.read.errors : {}}
        disabled={action.busy}
      />
      <CheckedResults shown={form.shown} />
      {action.error && <p className="form-error" role="alert">{action.error}</p>}
      <div className="button-row">
        <button type="button" className="btn btn-primary" data-testid="line-save-coding" disabled={action.busy} onClick={() => void save()}>
          {action.busy ? t('detail.saving') : t('detail.saveCoding')}
        </button>
        {savedState && (
          <p className="form-ok" data-testid="line-coding-saved" role="status">
            {t('detail.savedState', { state: savedState })}
          </p>
        )}
      </div>
    </div>
  );
}
