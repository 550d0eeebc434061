import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../shared/api/api-error';
import { Notice } from '../../shared/ui/notice';

/** The patient's way to withdraw their consent during the call, with a confirmation first. */
export function WithdrawConsent({ withdraw }: { withdraw: () => Promise<void> }) {
  const { t } = useTranslation('consent-flow');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await withdraw();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <aside className="panel withdraw-consent" aria-labelledby="withdraw-title">
      {!confirming ? (
        <button id="withdraw-title" data-testid="withdraw-consent" type="button" className="btn btn-secondary" onClick={() => setConfirming(true)}>
          {t('withdraw.button')}
        </button>
      ) : (
        <div role="alertdialog" aria-labelledby="withdraw-title" aria-describedby="withdraw-text">
          <h2 id="withdraw-title">{t('withdraw.confirmTitle')}</h2>
          <p id="withdraw-text">{t('withdraw.confirmText')}</p>
          {error && <Notice tone="error">{error}</Notice>}
          <div className="button-row">
            <button data-testid="withdraw-consent-confirm" type="button" className="btn btn-danger" disabled={busy} onClick={() => void confirm()}>
              {busy ? t('withdraw.withdrawing') : t('withdraw.confirm')}
            </button>
            <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => setConfirming(false)} autoFocus>
              {t('withdraw.cancel')}
            </button>
          </div>
        </div>
      )}
    </aside>
  );
}
