import { RULE_SUMMARIES } from '@visite/billing';
import type { RuleResult } from '@visite/contracts';
import { RULES_TEXT } from './strings';

/**
 * Failed rules, errors in red and warnings in amber. Every result is `data-testid="rule-result"` with
 * `data-rule` and `data-severity`, its text the message. With `emptyTestId`, "No problem found" when none.
 */
export function RuleResults({ results, emptyTestId, compact = false }: { results: readonly RuleResult[]; emptyTestId?: string; compact?: boolean }) {
  if (results.length === 0)
    return compact ? null : (
      <p className="rules-ok" data-testid={emptyTestId}>
        {RULES_TEXT.noProblems}
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
          title={`${result.severity === 'error' ? RULES_TEXT.error : RULES_TEXT.warning}: ${RULE_SUMMARIES[result.rule]?.summary ?? result.rule}`}
        >
          {result.message}
        </li>
      ))}
    </ul>
  );
}
