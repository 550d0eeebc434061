import { useTranslation } from 'react-i18next';
import type { PatientView } from '@visite/contracts';
import { formatBirthDate } from './format-birth-date';

type Labelled = Pick<PatientView, 'firstName' | 'lastName' | 'birthName' | 'birthDate'>;

/** "DURAND Jeanne (née MARTIN), 17/05/1948"; `born` words the birth name in the page's language. */
export function patientLabel(p: Labelled, born: (name: string) => string = (name) => `née ${name}`): string {
  const birth = p.birthName && p.birthName !== p.lastName ? ` (${born(p.birthName.toUpperCase())})` : '';
  return `${p.lastName.toUpperCase()} ${p.firstName}${birth}, ${formatBirthDate(p.birthDate)}`;
}

/** `patientLabel` in the page's language. */
export function usePatientLabel(): (p: Labelled) => string {
  const { t } = useTranslation('patients');
  return (p) => patientLabel(p, (name) => t('born', { name }));
}
