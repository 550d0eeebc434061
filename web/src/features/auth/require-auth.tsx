import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { CardPage } from '../../shared/ui/card-page';
import { Notice } from '../../shared/ui/notice';
import { Spinner } from '../../shared/ui/spinner';
import { useSessionCheck } from './auth-context';
import { AUTH_TEXT } from './strings';

/** Renders its children for a signed-in user; sends others to /login. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const auth = useSessionCheck();
  const location = useLocation();
  if (auth.status === 'signed-in') return <>{children}</>;
  if (auth.status === 'signed-out') return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (auth.status === 'error')
    return (
      <CardPage>
        <Notice tone="error" title="Visite is unreachable">
          <p>{auth.error}</p>
          <button type="button" className="btn btn-primary" onClick={auth.check}>
            Try again
          </button>
        </Notice>
      </CardPage>
    );
  return <Spinner label={AUTH_TEXT.checking} />;
}
