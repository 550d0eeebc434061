import { useTranslation } from 'react-i18next';
import type { VisitWithLink } from '@visite/contracts';
import { useFormat } from '../../shared/i18n/use-format';
import { CopyButton } from '../../shared/ui/copy-button';


/** The join link, shown once after creation or reissue. */
export function LinkPanel({ created, onClose }: { created: VisitWithLink; onClose: () => void }) {
  const { t } = useTranslation('queue');
  const format = useFormat();
  const { visit, joinUrl, joinExpiresAt } = created;
  return (
    <section className="panel panel-highlight" aria-labelledby="link-title">
      <h2 id="link-title">
        {t('link.title', { name: `${visit.patient.firstName} ${visit.patient.lastName}` })}
      </h2>
      <p className="muted small">{t('link.help')}</p>
      <div className="copy-row">
        <input id="visit-link" data-testid="visit-link" readOnly value={joinUrl} aria-label={t('link.label')} onFocus={(e) => e.target.select()} />
        <CopyButton text={joinUrl} testId="copy-link" label={t('link.copy')} inputId="visit-link" />
      </div>
      <p className="muted small">
        {t('link.expires', { when: format.dateTime(joinExpiresAt) })}
      </p>
      <button type="button" className="btn btn-link" onClick={onClose}>
        {t('link.close')}
      </button>
    </section>
  );
}
