import { useTranslation } from 'react-i18next';
import type { resultsToShow } from './live-evaluation';
import { RuleResults } from './rule-results';

/** The rule results under a coding form: the server's for what was saved, otherwise the live ones. */
export function CheckedResults({ shown, emptyTestId }: { shown: ReturnType<typeof resultsToShow>; emptyTestId?: string }) {
  const { t } = useTranslation('billing-forms');
  if (shown.source === 'server')
    return (
      <div className="checked-results" aria-live="polite">
        <RuleResults results={shown.results} emptyTestId={emptyTestId} />
        <p className="muted small">{t('rules.server')}</p>
      </div>
    );
  const evaluation = shown.evaluation;
  if (evaluation.status === 'no-practitioner') return <p className="muted">{t('rules.noPractitioner')}</p>;
  if (evaluation.status === 'failed')
    return (
      <p className="form-error">
        {t('rules.failed', { message: evaluation.message })}
      </p>
    );
  return (
    <div className="checked-results" aria-live="polite">
      <RuleResults results={evaluation.results} emptyTestId={emptyTestId} />
      <p className="muted small">{t('rules.live')}</p>
    </div>
  );
}
