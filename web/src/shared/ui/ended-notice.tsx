import type { ReactNode } from 'react';

/** Final screen of a consultation (both sides). */
export function EndedNotice({ title = 'The consultation has ended', children }: { title?: string; children?: ReactNode }) {
  return (
    <main className="card-page">
      <div className="card ended" data-testid="visit-ended" role="status">
        <div className="ended-icon" aria-hidden="true">✓</div>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
