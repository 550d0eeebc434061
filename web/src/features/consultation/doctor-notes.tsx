import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../shared/api/api-error';
import { useFormat } from '../../shared/i18n/use-format';
import { Notice } from '../../shared/ui/notice';
import { useNotes } from './use-notes';

/** The doctor's notes, saved on the server as they type (only the practice's doctors can read them). */
export function DoctorNotes({ visitId }: { visitId: string }) {
  const { t } = useTranslation('consultation');
  const format = useFormat();
  const { notes, state } = useNotes(visitId);
  const status =
    state.status === 'saved' && state.savedAt
      ? t('notes.savedAt', { time: format.time(state.savedAt) })
      : state.status === 'saved'
        ? t('notes.empty')
        : t(`notes.status.${state.status}`);
  return (
    <aside className="panel notes" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('notesTitle')}</h2>
      <p className="muted small">{t('notes.help')}</p>
      {state.status === 'load-failed' ? (
        <Notice tone="error">{errorMessage(state.error)}</Notice>
      ) : (
        <textarea
          aria-labelledby="notes-title"
          data-testid="notes"
          rows={12}
          value={state.text}
          disabled={state.status === 'loading'}
          onChange={(e) => notes.edit(e.target.value)}
        />
      )}
      <p className={`small notes-status notes-${state.status}`} data-testid="notes-status" data-status={state.status} role="status" aria-live="polite">
        {status}
        {state.status === 'error' && <> — {errorMessage(state.error)}</>}
      </p>
      {state.status === 'conflict' && state.theirs && (
        <Notice tone="warning" title={t('notes.conflictTitle')}>
          <p>{t('notes.conflictHelp', { name: state.theirs.updatedBy?.displayName ?? '' })}</p>
          <pre className="notes-theirs" data-testid="notes-theirs">{state.theirs.text}</pre>
          <div className="actions">
            <button type="button" className="btn btn-primary" onClick={() => notes.keepMine()}>
              {t('notes.keepMine')}
            </button>
            <button type="button" className="btn" onClick={() => notes.useTheirs()}>
              {t('notes.useTheirs')}
            </button>
          </div>
        </Notice>
      )}
    </aside>
  );
}
