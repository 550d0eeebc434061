import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { PatientListItem } from '@visite/contracts';
import { usePatientLabel } from './patient-label';
import { usePatientSearch } from './use-patient-search';

/** Search-as-you-type in the directory; picking a result hands the patient on. */
export function PatientPicker({ onPick, autoFocus }: { onPick: (patient: PatientListItem) => void; autoFocus?: boolean }) {
  const { t } = useTranslation('patients');
  const patientLabel = usePatientLabel();
  const [q, setQ] = useState('');
  const { results, searching, error } = usePatientSearch(q);
  return (
    <div className="patient-picker">
      <label className="field">
        <span>{t('picker.label')}</span>
        <input data-testid="patient-search" type="search" autoComplete="off" autoFocus={autoFocus} placeholder={t('picker.placeholder')} value={q} onChange={(e) => setQ(e.target.value)} />
        <small className="muted">{t('picker.hint')}</small>
      </label>
      {searching && <p className="muted small">{t('picker.searching')}</p>}
      {error && <p className="form-error">{error}</p>}
      {results && results.length === 0 && !searching && <p className="muted small" data-testid="patient-search-none">{t('picker.none')}</p>}
      {results && results.length > 0 && (
        <ul className="picker-list" role="listbox" aria-label={t('picker.label')}>
          {results.map((p) => (
            <li key={p.id}>
              <button type="button" role="option" aria-selected={false} className="picker-option" data-testid="patient-search-result" onClick={() => onPick(p)}>
                <span>{patientLabel(p)}</span>
                <span className="muted small">{p.phone ?? p.email}</span>
                {p.possibleDuplicates > 0 && <span className="badge badge-warning">{t('picker.duplicate')}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
