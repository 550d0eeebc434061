import type { resultsToShow } from './live-evaluation';
import { RuleResults } from './rule-results';
import { RULES_TEXT } from './strings';

/** The rule results under a coding form: the server's for what was saved, otherwise the live ones. */
export function CheckedResults({ shown, emptyTestId }: { shown: ReturnType<typeof resultsToShow>; emptyTestId?: string }) {
  if (shown.source === 'server')
    return (
      <div className="checked-results" aria-live="polite">
        <RuleResults results={shown.results} emptyTestId={emptyTestId} />
        <p className="muted small">{RULES_TEXT.server}</p>
      </div>
    );
  const evaluation = shown.evaluation;
  if (evaluation.status === 'no-practitioner') return <p className="muted">{RULES_TEXT.noPractitioner}</p>;
  if (evaluation.status === 'failed')
    return (
      <p className="form-error">
        {RULES_TEXT.failed} {evaluation.message}
      </p>
    );
  return (
    <div className="checked-results" aria-live="polite">
      <RuleResults results={evaluation.results} emptyTestId={emptyTestId} />
      <p className="muted small">{RULES_TEXT.live}</p>
    </div>
  );
}
