import { useTranslation } from 'react-i18next';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PASSWORD_MIN_LENGTH, passwordTokenRoutes, type PasswordTokenInfo } from '@visite/contracts';
import { callApi } from '../../shared/api/api-client';
import { errorMessage } from '../../shared/api/api-error';
import { CardPage } from '../../shared/ui/card-page';
import { Notice } from '../../shared/ui/notice';
import { Spinner } from '../../shared/ui/spinner';

/** The public page of an invitation or reset link: the person chooses their password, then signs in. */
export function SetPasswordPage() {
  const { t } = useTranslation('practice');
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [info, setInfo] = useState<PasswordTokenInfo | null>(null);
  const [linkError, setLinkError] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    callApi(passwordTokenRoutes.info, { params: { token } }).then(setInfo, (e: unknown) => setLinkError(errorMessage(e)));
  }, [token]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password.length < PASSWORD_MIN_LENGTH) return setError(t('setPassword.tooShort'));
    if (password !== confirm) return setError(t('setPassword.mismatch'));
    setSaving(true);
    setError(null);
    try {
      await callApi(passwordTokenRoutes.set, { params: { token }, body: { password } });
      navigate('/login', { replace: true, state: { email: info?.email, passwordSet: true } });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  if (linkError)
    return (
      <CardPage>
        <Notice tone="error">{linkError}</Notice>
        <Link to="/login">{t('setPassword.toLogin')}</Link>
      </CardPage>
    );
  if (!info)
    return (
      <CardPage>
        <Spinner label={t('setPassword.loading')} />
      </CardPage>
    );
  return (
    <CardPage>
      <h1>{info.purpose === 'invite' ? t('setPassword.welcome', { name: info.displayName }) : t('setPassword.reset')}</h1>
      <p className="muted">
        {t('setPassword.forAccount', { email: info.email, practice: info.practiceName })}
      </p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <label className="field">
          <span>{t('setPassword.password')}</span>
          <input data-testid="set-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          <small className="muted">{t('setPassword.rule')}</small>
        </label>
        <label className="field">
          <span>{t('setPassword.confirm')}</span>
          <input data-testid="set-password-confirm" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary" data-testid="set-password-submit" disabled={saving}>
          {saving ? t('setPassword.saving') : t('setPassword.submit')}
        </button>
      </form>
    </CardPage>
  );
}
