import type { VisitWithLink } from '@visite/contracts';
import { formatDateTime } from '../../shared/lib/format-time';
import { CopyButton } from '../../shared/ui/copy-button';
import { QUEUE_TEXT } from './strings';

const T = QUEUE_TEXT.link;

/** The join link, shown once after creation or reissue. */
export function LinkPanel({ created, onClose }: { created: VisitWithLink; onClose: () => void }) {
  const { visit, joinUrl, joinExpiresAt } = created;
  return (
    <section className="panel panel-highlight" aria-labelledby="link-title">
      <h2 id="link-title">
        {T.title} {visit.patient.firstName} {visit.patient.lastName}
      </h2>
      <p className="muted small">{T.help}</p>
      <div className="copy-row">
        <input id="visit-link" data-testid="visit-link" readOnly value={joinUrl} aria-label="Join link" onFocus={(e) => e.target.select()} />
        <CopyButton text={joinUrl} testId="copy-link" label={T.copy} inputId="visit-link" />
      </div>
      <p className="muted small">
        {T.expires} {formatDateTime(joinExpiresAt)}
      </p>
      <button type="button" className="btn btn-link" onClick={onClose}>
        {T.close}
      </button>
    </section>
  );
}
