import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate } from 'react-router-dom';
import { useAuth } from '../features/auth/auth-context';
import { canUseBilling, homePathFor } from '../features/auth/home-path';
import { RequireAuth } from '../features/auth/require-auth';
import { LanguageSwitcher } from '../shared/ui/language-switcher';

/** Frame of the practice pages: header with the signed-in user and sign out. */
export function PracticeLayout() {
  return (
    <RequireAuth>
      <PracticeHeader />
      <div className="practice-content">
        <Outlet />
      </div>
    </RequireAuth>
  );
}

function PracticeHeader() {
  const auth = useAuth();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const { t: tp } = useTranslation('practice');
  const { t: to } = useTranslation('outbox');
  const { t: tr } = useTranslation('precheck');
  const { t: tb } = useTranslation('booking');
  return (
    <header className="app-header">
      <div className="app-header-nav">
        <Link to={homePathFor(auth.user?.role)} className="brand">
          {t('appName')}
        </Link>
        <nav aria-label={t('nav.main')}>
          {(auth.user?.role === 'doctor' || auth.user?.role === 'assistant') && (
            <>
              <NavLink to="/" end className="nav-link" data-testid="nav-queue">
                {t('nav.queue')}
              </NavLink>
              <NavLink to="/readiness" className="nav-link" data-testid="nav-readiness">
                {tr('day.title')}
              </NavLink>
              <NavLink to="/schedule" end className="nav-link" data-testid="nav-schedule">
                {tb('nav.week')}
              </NavLink>
              <NavLink to="/schedule/hours" className="nav-link" data-testid="nav-hours">
                {tb('nav.hours')}
              </NavLink>
              <NavLink to="/patients" className="nav-link" data-testid="nav-patients">
                {tp('nav.patients')}
              </NavLink>
              <NavLink to="/outbox" className="nav-link" data-testid="nav-outbox">
                {to('nav')}
              </NavLink>
            </>
          )}
          {auth.user?.role === 'admin' && (
            <>
              <NavLink to="/admin/staff" className="nav-link" data-testid="nav-staff">
                {tp('nav.staff')}
              </NavLink>
              <NavLink to="/schedule/hours" className="nav-link" data-testid="nav-hours">
                {tb('nav.hours')}
              </NavLink>
              <NavLink to="/admin/practice" className="nav-link" data-testid="nav-practice">
                {tp('nav.practice')}
              </NavLink>
            </>
          )}
          {canUseBilling(auth.user?.role) && (
            <NavLink to="/billing" className="nav-link" data-testid="nav-billing">
              {t('nav.billing')}
            </NavLink>
          )}
        </nav>
      </div>
      <div className="app-header-user">
        <LanguageSwitcher />
        <span className="muted">
          {auth.user?.displayName}
          {auth.user?.practice && ` · ${auth.user.practice.name}`}
        </span>
        <button
          type="button"
          className="btn btn-link"
          onClick={() => {
            void auth.logout().then(() => navigate('/login', { replace: true }));
          }}
        >
          {t('nav.signOut')}
        </button>
      </div>
    </header>
  );
}
