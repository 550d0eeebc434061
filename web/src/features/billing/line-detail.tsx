import { useEffect, useRef, useState, type ReactNode } from 'react';
import { MODALITIES, type BillingLineView, type Modality, type PatientIdentityUpdate } from '@visite/contracts';
import { IdentityForm } from '../../shared/billing/identity-form';
import {
  CARE_EXCEPTION_LABELS,
  IDENTITY_STATUS_LABELS,
  MODALITY_LABELS,
  modalityLabel,
  PATIENT_LOCATION_LABELS,
  PROFESSION_LABELS,
  SECTOR_LABELS,
  SEX_LABELS,
  SPECIALTY_LABELS,
  STATE_LABELS,
} from '../../shared/billing/labels';
import { sortResults } from '../../shared/billing/live-evaluation';
import { formatCents } from '../../shared/billing/money';
import { RuleResults } from '../../shared/billing/rule-results';
import { formatDateTime } from '../../shared/lib/format-time';
import { billingApi } from './billing-api';
import { lineActions } from './line-actions';
import { LineCodingCorrection } from './line-coding-correction';
import { BILLING_TEXT } from './strings';
import { useAction } from './use-action';

const T = BILLING_TEXT.detail;
const F = T.fields;

interface Props {
  line: BillingLineView;
  /** Lines the server answered after an action (to put in the list), and the one to show next. */
  onChanged: (lines: BillingLineView[], selectId?: string) => void;
  onClose: () => void;
}

/** One line in full, with what billing staff can do with it. */
export function LineDetail({ line, onChanged, onClose }: Props) {
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
          {T.title} {coding.code || '—'} · {patient.lastName} {patient.firstName}
        </h2>
        <button type="button" className="btn btn-link" data-testid="line-close" onClick={onClose}>
          {T.close}
        </button>
      </div>

      <dl className="facts">
        <Fact label={T.state}>
          <span className={`state-badge state-${line.state}`} data-testid="line-detail-state">
            {STATE_LABELS[line.state]}
          </span>
        </Fact>
        <Fact label={T.dateOfService}>{line.dateOfService}</Fact>
        <Fact label={T.doctor}>{line.doctor.displayName}</Fact>
        <Fact label={T.modality}>
          <span data-testid="line-detail-modality">{modalityLabel(line.input.visit.modality)}</span>
        </Fact>
        <Fact label={T.total}>{formatCents(line.totalCents)}</Fact>
        {line.batchId && <Fact label={T.batch}>{line.batchId}</Fact>}
        {line.replacesLineId && <Fact label={T.replaces}>{line.replacesLineId}</Fact>}
      </dl>
      {line.warningsAcknowledged && <p className="muted small">{T.acknowledged(line.warningsAcknowledged.by, formatDateTime(line.warningsAcknowledged.at))}</p>}
      {line.voided && <p className="muted small">{T.voided(line.voided.by, formatDateTime(line.voided.at), line.voided.reason)}</p>}
      <p className="muted small">{T.versions(line.feeTableVersion, line.rulesVersion)}</p>

      <h3>{T.results}</h3>
      <RuleResults results={sortResults(line.results)} emptyTestId="line-no-problems" />

      <div className="detail-columns">
        <section>
          <h3>{T.coding}</h3>
          <dl className="facts facts-compact">
            <Fact label={F.code}>{coding.code || '—'}</Fact>
            <Fact label={F.amount}>{formatCents(coding.amountCents)}</Fact>
            <Fact label={F.addOns}>{coding.addOns.length ? coding.addOns.map((a) => `${a.code} ${formatCents(a.amountCents)}`).join(', ') : T.none}</Fact>
            <Fact label={F.extraFee}>{coding.extraFeeCents ? formatCents(coding.extraFeeCents) : T.none}</Fact>
            <Fact label={F.location}>{coding.patientLocation ? PATIENT_LOCATION_LABELS[coding.patientLocation] : T.none}</Fact>
            <Fact label={F.referral}>{coding.referral ? T.yes : T.no}</Fact>
            <Fact label={F.exception}>{coding.careException ? CARE_EXCEPTION_LABELS[coding.careException] : T.none}</Fact>
            <Fact label={F.reason}>{coding.exceptionReason ?? T.none}</Fact>
            <Fact label={F.sickNote}>{coding.sickNote ? T.days(coding.sickNote.days, coding.sickNote.inPersonImpossible) : T.none}</Fact>
            <Fact label={F.otherProfessional}>{coding.otherProfessionalRpps ?? T.none}</Fact>
            <Fact label={F.thirdParty}>{coding.thirdPartyPayment ? T.yes : T.no}</Fact>
            <Fact label={F.coverage}>{coding.coveragePercent} %</Fact>
          </dl>
        </section>
        <section>
          <h3>{T.patient}</h3>
          <dl className="facts facts-compact">
            <Fact label={F.name}>
              {patient.firstName} {patient.lastName}
            </Fact>
            <Fact label={F.birthDate}>{patient.birthDate}</Fact>
            <Fact label={F.sex}>{SEX_LABELS[patient.sex]}</Fact>
            <Fact label={F.nir}>{patient.insuredNir ?? T.none}</Fact>
            <Fact label={F.rank}>{patient.beneficiaryRank}</Fact>
            <Fact label={F.identityStatus}>{IDENTITY_STATUS_LABELS[patient.identityStatus]}</Fact>
            <Fact label={F.ins}>{patient.ins ? `${patient.ins} (${patient.insOid ?? '?'})` : T.none}</Fact>
            <Fact label={F.regularDoctor}>{patient.regularDoctorRpps ?? T.none}</Fact>
          </dl>
          <h3>{T.practitioner}</h3>
          <dl className="facts facts-compact">
            <Fact label={F.name}>
              {practitioner.firstName} {practitioner.lastName}
            </Fact>
            <Fact label={F.rpps}>{practitioner.rpps}</Fact>
            <Fact label={F.amNumber}>{practitioner.amNumber}</Fact>
            <Fact label={F.profession}>
              {PROFESSION_LABELS[practitioner.profession]}, {SPECIALTY_LABELS[practitioner.specialty]}
            </Fact>
            <Fact label={F.sector}>
              {SECTOR_LABELS[practitioner.sector]}
              {practitioner.optam ? `, ${F.optam}` : ''}
            </Fact>
          </dl>
        </section>
      </div>

      <h3>{T.actions}</h3>
      <div className="detail-actions">
        {actions.acknowledge && (
          <ButtonAction help={T.acknowledgeHelp} label={T.acknowledge} testId="line-acknowledge" run={async () => onChanged([await billingApi.acknowledge(line.id)])} />
        )}

        {actions.correct && (
          <>
            <Expander title={T.correctCoding} open={open === 'coding'} onToggle={() => toggle('coding')} testId="line-correct-coding">
              <LineCodingCorrection line={line} onChanged={onChanged} />
            </Expander>
            <Expander title={T.correctIdentity} open={open === 'identity'} onToggle={() => toggle('identity')} testId="line-correct-identity">
              <IdentityForm patient={patient} selfRpps={practitioner.rpps} selfLabel={T.selfRegularDoctor} onSave={saveIdentity} />
            </Expander>
            <Expander title={T.recordModality} open={open === 'modality'} onToggle={() => toggle('modality')} testId="line-record-modality">
              <ModalityAction line={line} onChanged={onChanged} />
            </Expander>
          </>
        )}

        {actions.voidable && <VoidAction line={line} onChanged={onChanged} />}

        {actions.reissue && (
          <ButtonAction
            help={T.reissueHelp}
            label={T.reissue}
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
  const [modality, setModality] = useState<Modality>(line.input.visit.modality ?? 'video');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState(false);
  const action = useAction();

  const submit = async () => {
    setDone(false);
    if (!reason.trim()) {
      action.setError(T.modalityReasonMissing);
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
          <span>{T.modality_}</span>
          <select data-testid="line-modality-select" value={modality} onChange={(e) => setModality(e.target.value as Modality)}>
            {MODALITIES.map((m) => (
              <option key={m} value={m}>
                {MODALITY_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{T.modalityReason}</span>
          <input data-testid="line-modality-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      </div>
      {action.error && <p className="form-error">{action.error}</p>}
      <div className="button-row">
        <button type="button" className="btn btn-primary" data-testid="line-modality-save" disabled={action.busy} onClick={() => void submit()}>
          {T.recordModalityButton}
        </button>
        {done && <p className="form-ok">{T.done}</p>}
      </div>
    </div>
  );
}

function VoidAction({ line, onChanged }: { line: BillingLineView; onChanged: (lines: BillingLineView[]) => void }) {
  const [reason, setReason] = useState('');
  const action = useAction();

  const submit = async () => {
    if (!reason.trim()) {
      action.setError(T.voidReasonMissing);
      return;
    }
    await action.run(async () => onChanged([await billingApi.voidLine(line.id, { reason: reason.trim() })]));
  };

  return (
    <div className="action-block void-block">
      <label className="field">
        <span>
          {T.voidTitle} — {T.voidReason}
        </span>
        <input data-testid="line-void-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      {line.state === 'exported' && <p className="muted small">{T.voidExportedHelp}</p>}
      {action.error && <p className="form-error">{action.error}</p>}
      <button type="button" className="btn btn-danger" data-testid="line-void" disabled={action.busy} onClick={() => void submit()}>
        {T.voidButton}
      </button>
    </div>
  );
}
