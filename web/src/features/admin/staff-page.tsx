import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { USER_ROLES, type DoctorSummary, type PasswordLinkView, type StaffEmailView, type StaffMemberView, type UserRole } from '@visite/contracts';
import { useAuth } from '../auth/auth-context';
import { errorMessage } from '../../shared/api/api-error';
import { useFormat } from '../../shared/i18n/use-format';
import { CopyButton } from '../../shared/ui/copy-button';
import { LoadFailure } from '../../shared/ui/load-failure';
import { Notice } from '../../shared/ui/notice';
import { Spinner } from '../../shared/ui/spinner';
import { adminApi } from './admin-api';

/** The admin's staff screen: who works in the practice, invitations, roles, disabling, new password links. */
export function StaffPage() {
  const { t } = useTranslation('practice');
  const { user } = useAuth();
  const [staff, setStaff] = useState<StaffMemberView[] | null>(null);
  const [doctors, setDoctors] = useState<DoctorSummary[]>([]);
  const [loadError, setLoadError] = useState<Error | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [link, setLink] = useState<PasswordLinkView | null>(null);
  const [editing, setEditing] = useState<string | null>(null);

  const load = useCallback(() => {
    Promise.all([adminApi.staff(), adminApi.doctors()]).then(
      ([s, d]) => {
        setStaff(s);
        setDoctors(d);
        setLoadError(null);
      },
      (e: unknown) => setLoadError(e instanceof Error ? e : new Error(String(e))),
    );
  }, []);
  useEffect(load, [load]);

  const act = async (work: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await work();
      load();
    } catch (e) {
      setActionError(errorMessage(e));
    }
  };

  if (loadError)
    return (
      <LoadFailure error={loadError}>
        <button type="button" className="btn btn-secondary" onClick={load}>
          {t('staff.retry')}
        </button>
      </LoadFailure>
    );
  if (!staff) return <Spinner label={t('staff.loading')} />;

  return (
    <div className="queue-layout">
      <section className="panel queue-panel" aria-labelledby="staff-title">
        <h1 id="staff-title">{t('staff.title')}</h1>
        {actionError && <Notice tone="error">{actionError}</Notice>}
        <table className="table" data-testid="staff-table">
          <thead>
            <tr>
              <th>{t('staff.name')}</th>
              <th>{t('staff.role')}</th>
              <th>{t('staff.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {staff.map((m) =>
              editing === m.id ? (
                <EditRow key={m.id} member={m} doctors={doctors} onDone={() => { setEditing(null); load(); }} onCancel={() => setEditing(null)} />
              ) : (
                <tr key={m.id} data-testid="staff-row" data-email={m.email} data-status={m.status}>
                  <td>
                    <strong>{m.displayName}</strong>
                    <br />
                    <span className="muted small">{m.email}</span>
                    {m.assists.length > 0 && (
                      <span className="muted small">
                        <br />
                        {t('staff.assists')}: {m.assists.map((d) => d.displayName).join(', ')}
                      </span>
                    )}
                  </td>
                  <td>{t(`roles.${m.role}`)}</td>
                  <td>
                    <span className={`badge badge-staff-${m.status}`}>{t(`status.${m.status}`)}</span>
                    {m.passwordEmail && m.status !== 'active' && <PasswordEmailState email={m.passwordEmail} />}
                  </td>
                  <td className="button-row">
                    <button type="button" className="btn btn-link" onClick={() => setEditing(m.id)}>
                      {t('staff.edit')}
                    </button>
                    {m.status !== 'disabled' && (
                      <button type="button" className="btn btn-link" data-testid="staff-reset" onClick={() => void act(async () => setLink(await adminApi.reset(m.id)))}>
                        {t('staff.reset')}
                      </button>
                    )}
                    {m.id !== user?.id &&
                      (m.status === 'disabled' ? (
                        <button type="button" className="btn btn-secondary" onClick={() => void act(() => adminApi.enable(m.id))}>
                          {t('staff.enable')}
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="btn btn-secondary"
                          data-testid="staff-disable"
                          onClick={() => window.confirm(t('staff.confirmDisable', { name: m.displayName })) && void act(() => adminApi.disable(m.id))}
                        >
                          {t('staff.disable')}
                        </button>
                      ))}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </section>
      <aside className="queue-side">
        {link && <PasswordLinkPanel link={link} onClose={() => setLink(null)} />}
        <InviteForm doctors={doctors} onInvited={(l) => { setLink(l); load(); }} />
      </aside>
    </div>
  );
}

/** How the latest set-password e-mail went: "Link e-mail: Sent", "Kept in the outbox · no mail server configured". */
function PasswordEmailState({ email }: { email: StaffEmailView }) {
  const { t } = useTranslation('practice');
  const { t: to } = useTranslation('outbox');
  const format = useFormat();
  const state = [to(`state.${email.state}`), email.outcome ? to(`outcome.${email.outcome}`) : null, email.sentAt ? format.dateTime(email.sentAt) : null].filter(Boolean).join(' · ');
  return (
    <p className={`small ${email.state === 'failed' ? 'text-error' : 'muted'}`} data-testid="staff-password-email" data-state={email.state}>
      {t('passwordEmail.label', { state })} ({t(`passwordEmail.kind.${email.kind}`)})
      {email.error && <span className="text-error"> {email.error}</span>}
    </p>
  );
}

function PasswordLinkPanel({ link, onClose }: { link: PasswordLinkView; onClose: () => void }) {
  const { t } = useTranslation('practice');
  const format = useFormat();
  return (
    <section className="panel panel-highlight" aria-labelledby="password-link-title">
      <h2 id="password-link-title">{t('link.title', { name: link.member.displayName })}</h2>
      <p className="muted small">
        {t('link.help', { email: link.member.email, until: format.dateTime(link.expiresAt) })}
      </p>
      <div className="copy-row">
        <input id="password-link" data-testid="password-link" readOnly value={link.setPasswordUrl} aria-label={t('link.copy')} onFocus={(e) => e.target.select()} />
        <CopyButton text={link.setPasswordUrl} testId="copy-password-link" label={t('link.copy')} inputId="password-link" />
      </div>
      <button type="button" className="btn btn-link" onClick={onClose}>
        {t('link.close')}
      </button>
    </section>
  );
}

function DoctorChoice({ doctors, value, onChange }: { doctors: DoctorSummary[]; value: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation('practice');
  if (doctors.length === 0) return <p className="muted small">{t('invite.noDoctors')}</p>;
  return (
    <fieldset className="field">
      <legend>{t('invite.assists')}</legend>
      {doctors.map((d) => (
        <label key={d.id} className="checkbox">
          <input
            type="checkbox"
            data-testid="assists-doctor"
            checked={value.includes(d.id)}
            onChange={(e) => onChange(e.target.checked ? [...value, d.id] : value.filter((id) => id !== d.id))}
          />{' '}
          {d.displayName}
        </label>
      ))}
    </fieldset>
  );
}

function RoleSelect({ value, onChange, testId }: { value: UserRole; onChange: (r: UserRole) => void; testId?: string }) {
  const { t } = useTranslation('practice');
  return (
    <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value as UserRole)}>
      {USER_ROLES.map((r) => (
        <option key={r} value={r}>
          {t(`roles.${r}`)}
        </option>
      ))}
    </select>
  );
}

function InviteForm({ doctors, onInvited }: { doctors: DoctorSummary[]; onInvited: (link: PasswordLinkView) => void }) {
  const { t } = useTranslation('practice');
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<UserRole>('assistant');
  const [assists, setAssists] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim() || !displayName.trim()) return setError(t('invite.required'));
    if (role === 'assistant' && assists.length === 0 && doctors.length > 0) return setError(t('invite.pickDoctor'));
    setBusy(true);
    setError(null);
    try {
      onInvited(await adminApi.invite({ email: email.trim(), displayName: displayName.trim(), role, assists: role === 'assistant' ? assists : [] }));
      setEmail('');
      setDisplayName('');
      setAssists([]);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('invite.title')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <label className="field">
          <span>{t('invite.name')}</span>
          <input data-testid="invite-name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} autoComplete="off" />
        </label>
        <label className="field">
          <span>{t('invite.email')}</span>
          <input data-testid="invite-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
        </label>
        <label className="field">
          <span>{t('invite.role')}</span>
          <RoleSelect value={role} onChange={setRole} testId="invite-role" />
        </label>
        {role === 'assistant' && <DoctorChoice doctors={doctors} value={assists} onChange={setAssists} />}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary" data-testid="invite-submit" disabled={busy}>
          {busy ? t('invite.submitting') : t('invite.submit')}
        </button>
      </form>
    </section>
  );
}

function EditRow({ member, doctors, onDone, onCancel }: { member: StaffMemberView; doctors: DoctorSummary[]; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('practice');
  const [displayName, setDisplayName] = useState(member.displayName);
  const [role, setRole] = useState<UserRole>(member.role);
  const [assists, setAssists] = useState(member.assists.map((d) => d.id));
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      await adminApi.update(member.id, { displayName: displayName.trim(), role, assists: role === 'assistant' ? assists : [] });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <tr>
      <td colSpan={4}>
        <div className="form">
          <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} aria-label={t('invite.name')} />
          <RoleSelect value={role} onChange={setRole} />
          {role === 'assistant' && <DoctorChoice doctors={doctors} value={assists} onChange={setAssists} />}
          {error && <p className="form-error" role="alert">{error}</p>}
          <div className="button-row">
            <button type="button" className="btn btn-primary" onClick={() => void save()}>
              {t('staff.save')}
            </button>
            <button type="button" className="btn btn-link" onClick={onCancel}>
              {t('staff.cancel')}
            </button>
          </div>
        </div>
      </td>
    </tr>
  );
}
