import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { BillingLineView, CodingDraft, PatientIdentityUpdate } from '@visite/contracts';
import { errorMessage } from '../../shared/api/api-error';
import { CheckedResults } from '../../shared/billing/checked-results';
import { CodingForm } from '../../shared/billing/coding-form';
import { hasErrors } from '../../shared/billing/coding-form-state';
import { IdentityForm } from '../../shared/billing/identity-form';
import { useBillingTerms } from '../../shared/billing/labels';
import { useCodingForm } from '../../shared/billing/use-coding-form';
import { useDocumentTitle } from '../../shared/i18n/use-document-title';
import { useFormat } from '../../shared/i18n/use-format';
import { LoadFailure } from '../../shared/ui/load-failure';
import { Notice } from '../../shared/ui/notice';
import { Spinner } from '../../shared/ui/spinner';
import { codingApi } from './coding-api';
import { describeMediaSide } from './media-figures';

/** The doctor's end-of-visit coding: route /visits/:visitId/coding. */
export function CodingPage() {
  const { visitId = '' } = useParams();
  const { t } = useTranslation('coding');
  useDocumentTitle(t('documentTitle'));
  const [draft, setDraft] = useState<CodingDraft | null>(null);
  const [loadError, setLoadError] = useState<Error | null>(null);
  const [loads, setLoads] = useState(0);

  const load = useCallback(() => {
    setLoadError(null);
    codingApi.draft(visitId).then(
      (loaded) => {
        setDraft(loaded);
        setLoads((n) => n + 1);
      },
      (e: Error) => setLoadError(e),
    );
  }, [visitId]);
  useEffect(load, [load]);

  const backToQueue = (
    <Link to="/" className="btn btn-secondary" data-testid="coding-back-to-queue">
      {t('backToQueue')}
    </Link>
  );

  if (loadError) return <LoadFailure error={loadError}>{backToQueue}</LoadFailure>;
  if (!draft) return <Spinner label={t('loading')} />;
  // A reload (modality recorded meanwhile) starts the form again from the new draft.
  return <CodingScreen key={loads} visitId={visitId} draft={draft} onReload={load} backToQueue={backToQueue} />;
}

function CodingScreen({ visitId, draft, onReload, backToQueue }: { visitId: string; draft: CodingDraft; onReload: () => void; backToQueue: ReactNode }) {
  const { t } = useTranslation(['coding', 'billing-forms']);
  const format = useFormat();
  const terms = useBillingTerms();
  const [patient, setPatient] = useState(draft.patient);
  const [savedLine, setSavedLine] = useState<BillingLineView | null>(draft.line);
  const [showErrors, setShowErrors] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  const { practitioner, proposal, visit } = draft;
  const setting = useMemo(() => ({ practitioner, proposal, fees: draft.fees, decimalSeparator: format.decimalSeparator }), [practitioner, proposal, draft.fees, format.decimalSeparator]);
  const base = useMemo(
    () => ({ practitioner, patient, visit: { visitId: visit.id, dateOfService: visit.dateOfService, modality: visit.modality }, context: draft.context }),
    [practitioner, patient, visit, draft.context],
  );
  const form = useCodingForm({ setting, base, existing: draft.line?.input.coding ?? null, saved: savedLine });

  const exported = savedLine?.state === 'exported' || !!savedLine?.batchId;
  const canSave = !!practitioner && !exported && !saving;

  const save = async () => {
    setSaveError(null);
    if (hasErrors(form.read.errors)) {
      setShowErrors(true);
      return;
    }
    setSaving(true);
    try {
      setSavedLine(await codingApi.saveLine(visitId, form.read.coding));
      setShowErrors(false);
    } catch (e) {
      setSaveError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const saveIdentity = async (update: PatientIdentityUpdate) => {
    const updated = await codingApi.saveIdentity(visitId, update);
    setPatient(updated.patient);
    const line = updated.lines.find((l) => l.visitId === visitId);
    if (line) setSavedLine(line);
  };

  return (
    <div className="coding-layout" data-testid="coding-page">
      <section className="panel coding-header" aria-labelledby="coding-title">
        <div className="row-between">
          <h1 id="coding-title">{t('title')}</h1>
          <Link to={`/visits/${encodeURIComponent(visitId)}/report`} className="btn btn-primary" data-testid="coding-write-report">
            {t('writeReport')}
          </Link>
          {backToQueue}
        </div>
        <dl className="facts">
          <div>
            <dt>{t('patient')}</dt>
            <dd>
              {patient.firstName} {patient.lastName} <span className="muted">({t('born', { date: format.date(patient.birthDate) })})</span>
            </dd>
          </div>
          <div>
            <dt>{t('dateOfService')}</dt>
            <dd>{format.date(visit.dateOfService)}</dd>
          </div>
          <div>
            <dt>{t('modality')}</dt>
            <dd>
              <strong data-testid="coding-modality" data-modality={visit.modality ?? 'none'}>
                {terms.modality(visit.modality)}
              </strong>
              {visit.media && (
                <span className="muted small media-figures">
                  {t('media.sides', { doctor: describeMediaSide(visit.media.doctor, format.language), patient: describeMediaSide(visit.media.patient, format.language) })}
                </span>
              )}
            </dd>
          </div>
        </dl>
        {!visit.modality && (
          <Notice tone="warning">
            <p>{t('modalityMissing')}</p>
            <button type="button" className="btn btn-secondary" onClick={onReload}>
              {t('refresh')}
            </button>
          </Notice>
        )}
      </section>

      <section className="panel" aria-labelledby="coding-billing-title">
        <h2 id="coding-billing-title">{t('codingTitle')}</h2>
        {!practitioner && (
          <Notice tone="warning" title={t('noPractitioner')} testId="coding-no-practitioner">
            <p>{t('noPractitionerHelp')}</p>
          </Notice>
        )}
        {exported && savedLine && <Notice tone="info" testId="coding-exported">{t('exported', { batch: savedLine.batchId ?? '' })}</Notice>}
        <div className={`proposal ${proposal.code ? '' : 'proposal-none'}`} data-testid="coding-proposal" data-code={proposal.code ?? ''}>
          {proposal.code ? (
            <>
              {t('proposalTitle')}: <strong>{proposal.code}</strong>
              {proposal.amountCents !== null && <> · {format.money(proposal.amountCents)}</>}
            </>
          ) : (
            <strong>{t('nothingProposed')}</strong>
          )}
          <span className="muted"> — {proposal.reason}</span>
        </div>

        <CodingForm state={form.state} onChange={form.setState} setting={setting} errors={showErrors ? form.read.errors : {}} disabled={exported} />

        <h3>{t('rulesTitle')}</h3>
        <CheckedResults shown={form.shown} emptyTestId="coding-no-problems" />

        {showErrors && hasErrors(form.read.errors) && (
          <p className="form-error" role="alert">
            {t('fixFields')}
          </p>
        )}
        {saveError && <Notice tone="error">{saveError}</Notice>}
        <div className="button-row">
          <button type="button" data-testid="coding-save" className="btn btn-primary" disabled={!canSave} onClick={() => void save()}>
            {saving ? t('saving') : t('save')}
          </button>
        </div>
        {savedLine && (
          <div className={`notice notice-${savedLine.state === 'blocked' ? 'error' : savedLine.state === 'to_review' ? 'warning' : 'success'} coding-saved`} data-testid="coding-saved" data-state={savedLine.state} role="status">
            <p className="notice-title">
              {t('savedState', { state: terms.state(savedLine.state) })} · {format.money(savedLine.totalCents)}
            </p>
            <p>{t(`stateHelp.${savedLine.state}`)}</p>
            {form.dirty && !exported && <p className="muted">{t('unsavedChanges')}</p>}
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="coding-identity-title">
        <h2 id="coding-identity-title">{t('billing-forms:identity.title')}</h2>
        <IdentityForm patient={patient} selfRpps={practitioner?.rpps ?? null} onSave={saveIdentity} />
      </section>
    </div>
  );
}
