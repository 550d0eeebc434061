import { useSearchParams } from 'react-router-dom';
import { Notice } from '../../shared/ui/notice';
import { BatchesTab } from './batches-tab';
import { LinesTab } from './lines-tab';
import { PractitionersTab } from './practitioners-tab';
import { BILLING_TEXT as T } from './strings';
import { usePractitioners } from './use-practitioners';

const TABS = ['lines', 'batches', 'practitioners'] as const;
type Tab = (typeof TABS)[number];

const asTab = (value: string | null): Tab => (TABS as readonly string[]).includes(value ?? '') ? (value as Tab) : 'lines';

/** Billing staff's screens: route /billing (?tab=lines|batches|practitioners). */
export function BillingPage() {
  const [params, setParams] = useSearchParams();
  const tab = asTab(params.get('tab'));
  const { practitioners, error, replace } = usePractitioners();

  return (
    <div className="billing-layout" data-testid="billing-page">
      <div className="row-between">
        <h1>{T.title}</h1>
        <div className="tabs" role="tablist" aria-label={T.title}>
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
              {T.tabs[name]}
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
