import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { errorMessage } from '../../shared/api/api-error';
import { useDocumentTitle } from '../../shared/i18n/use-document-title';
import { CardPage } from '../../shared/ui/card-page';
import { useAuth } from './auth-context';
import { landingAfterLogin } from './home-path';

export function LoginPage() {
  const auth = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const { t } = useTranslation('auth');
  const { t: tp } = useTranslation('practice');
  useDocumentTitle(t('documentTitle'));
  const arrived = location.state as { email?: string; passwordSet?: boolean } | null;
  const [email, setEmail] = useState(arrived?.email ?? '');
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
      setError(errorMessage(e));
      setSubmitting(false);
    }
  };

  return (
    <CardPage>
      <h1>{t('title')}</h1>
      <p className="muted">{t('subtitle')}</p>
      {arrived?.passwordSet && (
        <p className="form-ok" role="status" data-testid="password-set-notice">
          {tp('setPassword.done')}
        </p>
      )}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <label className="field">
          <span>{t('email')}</span>
          <input data-testid="login-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('password')}</span>
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
          {submitting ? t('submitting') : t('submit')}
        </button>
      </form>
    </CardPage>
  );
}
