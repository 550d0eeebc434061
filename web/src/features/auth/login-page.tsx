import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { ApiError, errorMessage } from '../../shared/api/api-error';
import { CardPage } from '../../shared/ui/card-page';
import { useAuth } from './auth-context';
import { landingAfterLogin } from './home-path';
import { AUTH_TEXT } from './strings';

export function LoginPage() {
  const auth = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      const me = await auth.login({ email: email.trim(), password });
      const from = (location.state as { from?: string } | null)?.from;
      navigate(landingAfterLogin(me.role, from), { replace: true });
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 && !e.message ? AUTH_TEXT.invalid : errorMessage(e));
      setSubmitting(false);
    }
  };

  return (
    <CardPage>
      <h1>{AUTH_TEXT.title}</h1>
      <p className="muted">{AUTH_TEXT.subtitle}</p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <label className="field">
          <span>{AUTH_TEXT.email}</span>
          <input data-testid="login-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label className="field">
          <span>{AUTH_TEXT.password}</span>
          <input
            data-testid="login-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="form-error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button data-testid="login-submit" type="submit" className="btn btn-primary btn-block" disabled={submitting}>
          {submitting ? AUTH_TEXT.submitting : AUTH_TEXT.submit}
        </button>
      </form>
    </CardPage>
  );
}
