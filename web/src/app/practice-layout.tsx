import { Link, NavLink, Outlet, useNavigate } from 'react-router-dom';
import { useAuth } from '../features/auth/auth-context';
import { canUseBilling, homePathFor } from '../features/auth/home-path';
import { RequireAuth } from '../features/auth/require-auth';

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
  return (
    <header className="app-header">
      <div className="app-header-nav">
        <Link to={homePathFor(auth.user?.role)} className="brand">
          Visite
        </Link>
        <nav aria-label="Main">
          {auth.user?.role === 'doctor' && (
            <NavLink to="/" end className="nav-link" data-testid="nav-queue">
              Queue
            </NavLink>
          )}
          {canUseBilling(auth.user?.role) && (
            <NavLink to="/billing" className="nav-link" data-testid="nav-billing">
              Billing
            </NavLink>
          )}
        </nav>
      </div>
      <div className="app-header-user">
        <span className="muted">{auth.user?.displayName}</span>
        <button
          type="button"
          className="btn btn-link"
          onClick={() => {
            void auth.logout().then(() => navigate('/login', { replace: true }));
          }}
        >
          Sign out
        </button>
      </div>
    </header>
  );
}
