import type { ReactNode } from 'react';
import { LanguageSwitcher } from './language-switcher';

/** A centred card, the frame of the patient screens and the login page, with the language switcher. */
export function CardPage({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <main className="card-page">
      <div className={wide ? 'card card-wide' : 'card'}>
        <div className="card-top">
          <LanguageSwitcher />
        </div>
        {children}
      </div>
    </main>
  );
}
