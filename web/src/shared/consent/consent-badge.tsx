import { useTranslation } from 'react-i18next';
import type { ParticipantConsentState } from '@visite/contracts';
import { useFormat } from '../i18n/use-format';

/** Where a participant stands on consent, for the doctor: a short state, and each kind's latest answer on hover/focus. */
export function ConsentBadge({ state }: { state: ParticipantConsentState | undefined }) {
  const { t } = useTranslation('consent-flow');
  const format = useFormat();
  const status = state?.status ?? 'none';
  const detail = (state?.latest ?? [])
    .map((r) =>
      t('state.detail', {
        kind: t(`kinds.${r.kind}`),
        decision: t(`decisions.${r.decision}`),
        how: [t(`methods.${r.method}`), r.wording ? t(`wordings.${r.wording}`) : null].filter(Boolean).join(', '),
        when: format.time(r.at),
      }),
    )
    .join('\n');
  return (
    <span className={`badge consent-badge consent-${status}`} data-testid="consent-state" data-status={status} title={detail || undefined}>
      {t(`state.${status}`)}
    </span>
  );
}
