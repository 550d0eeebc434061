import { Link, Outlet, useNavigate } from 'react-router-dom';
import { useAuth } from '../features/auth/auth-context';
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
      <Link to="/" className="brand">
        Visite
      </Link>
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
