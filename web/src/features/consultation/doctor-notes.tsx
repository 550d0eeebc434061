import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';

/** Doctor's scratch notes, kept in this tab only (sessionStorage) until a notes API exists. */
export function DoctorNotes({ visitId }: { visitId: string }) {
  const { t } = useTranslation('consultation');
  const key = `visite.notes.${visitId}`;
  const [notes, setNotes] = useState(() => sessionStorage.getItem(key) ?? '');
  useEffect(() => {
    sessionStorage.setItem(key, notes);
  }, [key, notes]);
  return (
    <aside className="panel notes" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('notesTitle')}</h2>
      <p className="notice notice-warning small">{t('notesWarning')}</p>
      <textarea aria-labelledby="notes-title" rows={12} value={notes} onChange={(e) => setNotes(e.target.value)} />
    </aside>
  );
}
