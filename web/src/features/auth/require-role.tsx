import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { UserRole } from '@visite/contracts';
import { CardPage } from '../../shared/ui/card-page';
import { Notice } from '../../shared/ui/notice';
import { useAuth } from './auth-context';
import { homePathFor } from './home-path';

/** Inside RequireAuth: renders its children for the given roles only. */
export function RequireRole({ roles, children }: { roles: readonly UserRole[]; children: ReactNode }) {
  const { user } = useAuth();
  const { t } = useTranslation('auth');
  if (user && roles.includes(user.role)) return <>{children}</>;
  return (
    <CardPage>
      <Notice tone="warning" title={t('forbiddenTitle')} testId="forbidden-role">
        <p>{t('forbidden')}</p>
      </Notice>
      <Link to={homePathFor(user?.role)} className="btn btn-primary">
        {t('home')}
      </Link>
    </CardPage>
  );
}
