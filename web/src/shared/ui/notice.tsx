import type { ReactNode } from 'react';

type Tone = 'info' | 'warning' | 'error' | 'success';

/** A message box. Errors are announced to screen readers. */
export function Notice({ tone = 'info', title, children, testId }: { tone?: Tone; title?: string; children?: ReactNode; testId?: string }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {title && <p className="notice-title">{title}</p>}
      {children}
    </div>
  );
}
