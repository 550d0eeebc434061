import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './language-switcher';

/** Final screen of a consultation (both sides). */
export function EndedNotice({ title, children }: { title?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <main className="card-page">
      <div className="card ended" data-testid="visit-ended" role="status">
        <div className="card-top">
          <LanguageSwitcher />
        </div>
        <div className="ended-icon" aria-hidden="true">✓</div>
        <h1>{title ?? t('ended')}</h1>
        {children}
      </div>
    </main>
  );
}
