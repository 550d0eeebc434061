import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CurrentUser, LoginRequest } from '@visite/contracts';
import { errorCode, errorMessage } from '../../shared/api/api-error';
import { authApi } from './auth-api';

type AuthStatus = 'unknown' | 'checking' | 'signed-in' | 'signed-out' | 'error';

interface AuthValue {
  status: AuthStatus;
  user: CurrentUser | null;
  error: string | null;
  /** Asks the server who is signed in (once, on first use of a protected page). */
  check: () => void;
  login: (body: LoginRequest) => Promise<CurrentUser>;
  logout: () => Promise<void>;
  /** The server answered 401 to something: the session is gone. */
  sessionExpired: () => void;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus>('unknown');
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [error, setError] = useState<string | null>(null);

  const check = useCallback(() => {
    setStatus('checking');
    authApi.me().then(
      (me) => {
        setUser(me);
        setStatus('signed-in');
      },
      (e: unknown) => {
        setUser(null);
        const code = errorCode(e);
        if (code === 'NOT_AUTHENTICATED' || code === 'UNAUTHORIZED' || code === 'FORBIDDEN' || code === 'FORBIDDEN_ROLE') setStatus('signed-out');
        else {
          setError(errorMessage(e));
          setStatus('error');
        }
      },
    );
  }, []);

  const login = useCallback(async (body: LoginRequest) => {
    const me = await authApi.login(body);
    setUser(me);
    setStatus('signed-in');
    return me;
  }, []);

  const logout = useCallback(async () => {
    await authApi.logout().catch(() => undefined);
    setUser(null);
    setStatus('signed-out');
  }, []);

  const sessionExpired = useCallback(() => {
    setUser(null);
    setStatus('signed-out');
  }, []);

  const value = useMemo(() => ({ status, user, error, check, login, logout, sessionExpired }), [status, user, error, check, login, logout, sessionExpired]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** Asks the server once who is signed in. */
export function useSessionCheck(): AuthValue {
  const auth = useAuth();
  useEffect(() => {
    if (auth.status === 'unknown') auth.check();
  }, [auth]);
  return auth;
}
