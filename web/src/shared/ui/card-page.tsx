import type { ReactNode } from 'react';

/** A centred card, the frame of the patient screens and the login page. */
export function CardPage({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <main className="card-page">
      <div className={wide ? 'card card-wide' : 'card'}>{children}</div>
    </main>
  );
}
