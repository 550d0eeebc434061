import { useTranslation } from 'react-i18next';
import { RULE_SUMMARIES } from '@visite/billing';
import type { RuleResult } from '@visite/contracts';

/**
 * Failed rules, errors in red and warnings in amber. Every result is `data-testid="rule-result"` with
 * `data-rule` and `data-severity`, its text the message. With `emptyTestId`, "No problem found" when none.
 */
export function RuleResults({ results, emptyTestId, compact = false }: { results: readonly RuleResult[]; emptyTestId?: string; compact?: boolean }) {
  const { t } = useTranslation('billing-forms');
  if (results.length === 0)
    return compact ? null : (
      <p className="rules-ok" data-testid={emptyTestId}>
        {t('rules.noProblems')}
      </p>
    );
  return (
    <ul className={compact ? 'rule-results rule-results-compact' : 'rule-results'}>
      {results.map((result, index) => (
        <li
          key={`${result.rule}-${index}`}
          className={`rule-result rule-${result.severity}`}
          data-testid="rule-result"
          data-rule={result.rule}
          data-severity={result.severity}
          title={t(result.severity === 'error' ? 'rules.error' : 'rules.warning', { summary: RULE_SUMMARIES[result.rule]?.summary ?? result.rule })}
        >
          {result.message}
        </li>
      ))}
    </ul>
  );
}
