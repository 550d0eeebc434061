import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantConsentState } from '@visite/contracts';
import { errorMessage } from '../../shared/api/api-error';
import { ConsentBadge } from '../../shared/consent/consent-badge';
import { useFormat } from '../../shared/i18n/use-format';
import { Notice } from '../../shared/ui/notice';
import { doctorRoomApi } from './consultation-api';

const latestAt = (state: ParticipantConsentState | null | undefined) => Math.max(0, ...(state?.latest ?? []).map((r) => Date.parse(r.at)));

/**
 * In the call, the doctor sees the patient's consent (live) and can record an oral answer: a patient
 * on the phone who agrees, or who withdraws out loud (the SFU then drops their media as for a click).
 */
export function ConsentPanel({ visitId, state, audioOnly }: { visitId: string; state: ParticipantConsentState | undefined; audioOnly: boolean }) {
  const { t } = useTranslation('consent-flow');
  const { language } = useFormat();
  const [shown, setShown] = useState<ParticipantConsentState | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // What the doctor just recorded shows until the live view (the queue) catches up with it.
  const current = shown && latestAt(shown) > latestAt(state) ? shown : state;

  const record = async (decision: 'given' | 'withdrawn') => {
    setBusy(true);
    setError(null);
    try {
      setShown(await doctorRoomApi.recordConsent(visitId, { decision, language, wording: audioOnly ? 'audio' : 'video' }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <aside className="panel consent-panel" aria-labelledby="consent-panel-title" aria-live="polite">
      <h2 id="consent-panel-title" className="small">
        {t('state.title')}
      </h2>
      <ConsentBadge state={current} />
      {error && <Notice tone="error">{error}</Notice>}
      <div className="button-row">
        {current?.status !== 'given' && (
          <button type="button" className="btn btn-link" data-testid="record-oral-consent" disabled={busy} onClick={() => void record('given')}>
            {busy ? t('state.recording') : t('state.oral')}
          </button>
        )}
        {current?.status === 'given' && (
          <button type="button" className="btn btn-link" data-testid="record-oral-withdrawal" disabled={busy} onClick={() => void record('withdrawn')}>
            {busy ? t('state.recording') : t('state.oralWithdraw')}
          </button>
        )}
      </div>
    </aside>
  );
}
