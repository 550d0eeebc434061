import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Notice } from '../../shared/ui/notice';
import { BatchesTab } from './batches-tab';
import { LinesTab } from './lines-tab';
import { PractitionersTab } from './practitioners-tab';
import { useDocumentTitle } from '../../shared/i18n/use-document-title';
import { usePractitioners } from './use-practitioners';

const TABS = ['lines', 'batches', 'practitioners'] as const;
type Tab = (typeof TABS)[number];

const asTab = (value: string | null): Tab => (TABS as readonly string[]).includes(value ?? '') ? (value as Tab) : 'lines';

/** Billing staff's screens: route /billing (?tab=lines|batches|practitioners). */
export function BillingPage() {
  const { t } = useTranslation('billing');
  const [params, setParams] = useSearchParams();
  const tab = asTab(params.get('tab'));
  useDocumentTitle(t('documentTitle'));
  const { practitioners, error, replace } = usePractitioners();

  return (
    <div className="billing-layout" data-testid="billing-page">
      <div className="row-between">
        <h1>{t('title')}</h1>
        <div className="tabs" role="tablist" aria-label={t('title')}>
          {TABS.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              className={tab === name ? 'tab tab-active' : 'tab'}
              data-testid={`billing-tab-${name}`}
              onClick={() => setParams(name === 'lines' ? {} : { tab: name })}
            >
              {t(`tabs.${name}`)}
            </button>
          ))}
        </div>
      </div>
      {error && <Notice tone="error">{error}</Notice>}
      <div role="tabpanel">
        {tab === 'lines' && <LinesTab practitioners={practitioners ?? []} />}
        {tab === 'batches' && <BatchesTab practitioners={practitioners ?? []} />}
        {tab === 'practitioners' && <PractitionersTab practitioners={practitioners} onSaved={replace} />}
      </div>
    </div>
  );
}
