import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { UserRole } from '@visite/contracts';
import { CardPage } from '../../shared/ui/card-page';
import { Notice } from '../../shared/ui/notice';
import { useAuth } from './auth-context';
import { homePathFor } from './home-path';
import { AUTH_TEXT } from './strings';

/** Inside RequireAuth: renders its children for the given roles only. */
export function RequireRole({ roles, children }: { roles: readonly UserRole[]; children: ReactNode }) {
  const { user } = useAuth();
  if (user && roles.includes(user.role)) return <>{children}</>;
  return (
    <CardPage>
      <Notice tone="warning" title={AUTH_TEXT.forbiddenTitle}>
        <p>{AUTH_TEXT.forbidden}</p>
      </Notice>
      <Link to={homePathFor(user?.role)} className="btn btn-primary">
        {AUTH_TEXT.home}
      </Link>
    </CardPage>
  );
}
