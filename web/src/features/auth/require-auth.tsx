import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { CardPage } from '../../shared/ui/card-page';
import { Notice } from '../../shared/ui/notice';
import { Spinner } from '../../shared/ui/spinner';
import { useSessionCheck } from './auth-context';

/** Renders its children for a signed-in user; sends others to /login. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const auth = useSessionCheck();
  const location = useLocation();
  const { t } = useTranslation(['common', 'auth']);
  if (auth.status === 'signed-in') return <>{children}</>;
  if (auth.status === 'signed-out') return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (auth.status === 'error')
    return (
      <CardPage>
        <Notice tone="error" title={t('unreachable')}>
          <p>{auth.error}</p>
          <button type="button" className="btn btn-primary" onClick={auth.check}>
            {t('tryAgain')}
          </button>
        </Notice>
      </CardPage>
    );
  return <Spinner label={t('auth:checking')} />;
}
