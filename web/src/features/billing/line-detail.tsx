import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/i18n/use-format';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { MODALITIES, type BillingLineView, type Modality, type PatientIdentityUpdate } from '@visite/contracts';
import { IdentityForm } from '../../shared/billing/identity-form';
import { useBillingTerms } from '../../shared/billing/labels';
import { sortResults } from '../../shared/billing/live-evaluation';
import { RuleResults } from '../../shared/billing/rule-results';
import { billingApi } from './billing-api';
import { lineActions } from './line-actions';
import { LineCodingCorrection } from './line-coding-correction';
import { useAction } from './use-action';


interface Props {
  line: BillingLineView;
  /** Lines the server answered after an action (to put in the list), and the one to show next. */
  onChanged: (lines: BillingLineView[], selectId?: string) => void;
  onClose: () => void;
}

/** One line in full, with what billing staff can do with it. */
export function LineDetail({ line, onChanged, onClose }: Props) {
  const { t } = useTranslation(['billing', 'common']);
  const terms = useBillingTerms();
  const format = useFormat();
  const actions = lineActions(line);
  const { coding, patient, practitioner } = line.input;
  const [open, setOpen] = useState<'coding' | 'identity' | 'modality' | null>(null);
  const toggle = (section: 'coding' | 'identity' | 'modality') => setOpen((current) => (current === section ? null : section));
  // Below the table on narrow screens: bring the opened line into view.
  const panel = useRef<HTMLElement>(null);
  useEffect(() => panel.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' }), []);

  const saveIdentity = async (update: PatientIdentityUpdate) => {
    const updated = await billingApi.patientIdentity(line.patientId, update);
    onChanged(updated.lines);
  };

  return (
    <aside ref={panel} className="panel line-detail" data-testid="line-detail" data-line-id={line.id} data-state={line.state} aria-labelledby="line-detail-title">
      <div className="row-between">
        <h2 id="line-detail-title">
          {t('detail.title', { code: coding.code || '—', patient: `${patient.lastName} ${patient.firstName}` })}
        </h2>
        <button type="button" className="btn btn-link" data-testid="line-close" onClick={onClose}>
          {t('detail.close')}
        </button>
      </div>

      <dl className="facts">
        <Fact label={t('detail.state')}>
          <span className={`state-badge state-${line.state}`} data-testid="line-detail-state">
            {terms.state(line.state)}
          </span>
        </Fact>
        <Fact label={t('detail.dateOfService')}>{format.date(line.dateOfService)}</Fact>
        <Fact label={t('detail.doctor')}>{line.doctor.displayName}</Fact>
        <Fact label={t('detail.modality')}>
          <span data-testid="line-detail-modality">{terms.modality(line.input.visit.modality)}</span>
        </Fact>
        <Fact label={t('detail.total')}>{format.money(line.totalCents)}</Fact>
        {line.batchId && <Fact label={t('detail.batch')}>{line.batchId}</Fact>}
        {line.replacesLineId && <Fact label={t('detail.replaces')}>{line.replacesLineId}</Fact>}
      </dl>
      {line.warningsAcknowledged && <p className="muted small">{t('detail.acknowledged', { by: line.warningsAcknowledged.by, at: format.dateTime(line.warningsAcknowledged.at) })}</p>}
      {line.voided && <p className="muted small">{t('detail.voided', { by: line.voided.by, at: format.dateTime(line.voided.at), reason: line.voided.reason })}</p>}
      <p className="muted small">{t('detail.versions', { fees: line.feeTableVersion, rules: line.rulesVersion })}</p>

      <h3>{t('detail.results')}</h3>
      <RuleResults results={sortResults(line.results)} emptyTestId="line-no-problems" />

      <div className="detail-columns">
        <section>
          <h3>{t('detail.coding')}</h3>
          <dl className="facts facts-compact">
            <Fact label={t('detail.fields.code')}>{coding.code || '—'}</Fact>
            <Fact label={t('detail.fields.amount')}>{format.money(coding.amountCents)}</Fact>
            <Fact label={t('detail.fields.addOns')}>{coding.addOns.length ? coding.addOns.map((a) => `${a.code} ${format.money(a.amountCents)}`).join(', ') : t('common:none')}</Fact>
            <Fact label={t('detail.fields.extraFee')}>{coding.extraFeeCents ? format.money(coding.extraFeeCents) : t('common:none')}</Fact>
            <Fact label={t('detail.fields.location')}>{coding.patientLocation ? terms.location(coding.patientLocation) : t('common:none')}</Fact>
            <Fact label={t('detail.fields.referral')}>{coding.referral ? t('common:yes') : t('common:no')}</Fact>
            <Fact label={t('detail.fields.exception')}>{coding.careException ? terms.exception(coding.careException) : t('common:none')}</Fact>
            <Fact label={t('detail.fields.reason')}>{coding.exceptionReason ?? t('common:none')}</Fact>
            <Fact label={t('detail.fields.sickNote')}>{coding.sickNote ? t(coding.sickNote.inPersonImpossible ? 'detail.daysInPersonImpossible' : 'detail.days', { count: coding.sickNote.days }) : t('common:none')}</Fact>
            <Fact label={t('detail.fields.otherProfessional')}>{coding.otherProfessionalRpps ?? t('common:none')}</Fact>
            <Fact label={t('detail.fields.thirdParty')}>{coding.thirdPartyPayment ? t('common:yes') : t('common:no')}</Fact>
            <Fact label={t('detail.fields.coverage')}>{coding.coveragePercent} %</Fact>
          </dl>
        </section>
        <section>
          <h3>{t('detail.patient')}</h3>
          <dl className="facts facts-compact">
            <Fact label={t('detail.fields.name')}>
              {patient.firstName} {patient.lastName}
            </Fact>
            <Fact label={t('detail.fields.birthDate')}>{format.date(patient.birthDate)}</Fact>
            <Fact label={t('detail.fields.sex')}>{terms.sex(patient.sex)}</Fact>
            <Fact label={t('detail.fields.nir')}>{patient.insuredNir ?? t('common:none')}</Fact>
            <Fact label={t('detail.fields.rank')}>{patient.beneficiaryRank}</Fact>
            <Fact label={t('detail.fields.identityStatus')}>{terms.identityStatus(patient.identityStatus)}</Fact>
            <Fact label={t('detail.fields.ins')}>{patient.ins ? `${patient.ins} (${patient.insOid ?? '?'})` : t('common:none')}</Fact>
            <Fact label={t('detail.fields.regularDoctor')}>{patient.regularDoctorRpps ?? t('common:none')}</Fact>
          </dl>
          <h3>{t('detail.practitioner')}</h3>
          <dl className="facts facts-compact">
            <Fact label={t('detail.fields.name')}>
              {practitioner.firstName} {practitioner.lastName}
            </Fact>
            <Fact label={t('detail.fields.rpps')}>{practitioner.rpps}</Fact>
            <Fact label={t('detail.fields.amNumber')}>{practitioner.amNumber}</Fact>
            <Fact label={t('detail.fields.profession')}>
              {terms.profession(practitioner.profession)}, {terms.specialty(practitioner.specialty)}
            </Fact>
            <Fact label={t('detail.fields.sector')}>
              {terms.sector(practitioner.sector)}
              {practitioner.optam ? `, ${t('detail.fields.optam')}` : ''}
            </Fact>
          </dl>
        </section>
      </div>

      <h3>{t('detail.actions')}</h3>
      <div className="detail-actions">
        {actions.acknowledge && (
          <ButtonAction help={t('detail.acknowledgeHelp')} label={t('detail.acknowledge')} testId="line-acknowledge" run={async () => onChanged([await billingApi.acknowledge(line.id)])} />
        )}

        {actions.correct && (
          <>
            <Expander title={t('detail.correctCoding')} open={open === 'coding'} onToggle={() => toggle('coding')} testId="line-correct-coding">
              <LineCodingCorrection line={line} onChanged={onChanged} />
            </Expander>
            <Expander title={t('detail.correctIdentity')} open={open === 'identity'} onToggle={() => toggle('identity')} testId="line-correct-identity">
              <IdentityForm patient={patient} selfRpps={practitioner.rpps} selfLabel={t('detail.selfRegularDoctor')} onSave={saveIdentity} />
            </Expander>
            <Expander title={t('detail.recordModality')} open={open === 'modality'} onToggle={() => toggle('modality')} testId="line-record-modality">
              <ModalityAction line={line} onChanged={onChanged} />
            </Expander>
          </>
        )}

        {actions.voidable && <VoidAction line={line} onChanged={onChanged} />}

        {actions.reissue && (
          <ButtonAction
            help={t('detail.reissueHelp')}
            label={t('detail.reissue')}
            testId="line-reissue"
            run={async () => {
              const created = await billingApi.reissue(line.id);
              onChanged([created], created.id);
            }}
          />
        )}
      </div>
    </aside>
  );
}

/** One button that sends one request, with its help text, busy state and error. */
function ButtonAction({ help, label, testId, run }: { help: string; label: string; testId: string; run: () => Promise<void> }) {
  const action = useAction();
  return (
    <div className="action-block">
      <p className="muted small">{help}</p>
      <button type="button" className="btn btn-primary" data-testid={testId} disabled={action.busy} onClick={() => void action.run(run)}>
        {label}
      </button>
      {action.error && <p className="form-error">{action.error}</p>}
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Expander({ title, open, onToggle, testId, children }: { title: string; open: boolean; onToggle: () => void; testId: string; children: ReactNode }) {
  return (
    <div className="action-block">
      <button type="button" className="btn btn-secondary" aria-expanded={open} data-testid={testId} onClick={onToggle}>
        {title}
      </button>
      {open && <div className="expander-body">{children}</div>}
    </div>
  );
}

function ModalityAction({ line, onChanged }: { line: BillingLineView; onChanged: (lines: BillingLineView[]) => void }) {
  const { t } = useTranslation(['billing', 'common']);
  const terms = useBillingTerms();
  const [modality, setModality] = useState<Modality>(line.input.visit.modality ?? 'video');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState(false);
  const action = useAction();

  const submit = async () => {
    setDone(false);
    if (!reason.trim()) {
      action.setError(t('detail.modalityReasonMissing'));
      return;
    }
    const ok = await action.run(async () => onChanged((await billingApi.modality(line.visitId, { modality, reason: reason.trim() })).lines));
    if (ok) {
      setDone(true);
      setReason('');
    }
  };

  return (
    <div className="form">
      <div className="form-row">
        <label className="field">
          <span>{t('detail.modalityChoice')}</span>
          <select data-testid="line-modality-select" value={modality} onChange={(e) => setModality(e.target.value as Modality)}>
            {MODALITIES.map((m) => (
              <option key={m} value={m}>
                {terms.modality(m)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('detail.modalityReason')}</span>
          <input data-testid="line-modality-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      </div>
      {action.error && <p className="form-error">{action.error}</p>}
      <div className="button-row">
        <button type="button" className="btn btn-primary" data-testid="line-modality-save" disabled={action.busy} onClick={() => void submit()}>
          {t('detail.recordModalityButton')}
        </button>
        {done && <p className="form-ok">{t('detail.done')}</p>}
      </div>
    </div>
  );
}

function VoidAction({ line, onChanged }: { line: BillingLineView; onChanged: (lines: BillingLineView[]) => void }) {
  const { t } = useTranslation(['billing', 'common']);
  const [reason, setReason] = useState('');
  const action = useAction();

  const submit = async () => {
    if (!reason.trim()) {
      action.setError(t('detail.voidReasonMissing'));
      return;
    }
    await action.run(async () => onChanged([await billingApi.voidLine(line.id, { reason: reason.trim() })]));
  };

  return (
    <div className="action-block void-block">
      <label className="field">
        <span>
          {t('detail.voidTitle')}
        </span>
        <input data-testid="line-void-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      {line.state === 'exported' && <p className="muted small">{t('detail.voidExportedHelp')}</p>}
      {action.error && <p className="form-error">{action.error}</p>}
      <button type="button" className="btn btn-danger" data-testid="line-void" disabled={action.busy} onClick={() => void submit()}>
        {t('detail.voidButton')}
      </button>
    </div>
  );
}
