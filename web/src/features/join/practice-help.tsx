import { useTranslation } from 'react-i18next';
import type { JoinInfo } from '@visite/contracts';

/** "Need help? Call the practice": on every failure screen of the patient's path. */
export function PracticeHelp({ practice }: { practice: JoinInfo['practice'] }) {
  const { t } = useTranslation('precheck');
  if (!practice.phone) return <p className="practice-help">{t('help.noPhone', { practice: practice.name })}</p>;
  return (
    <p className="practice-help" data-testid="practice-help">
      {t('help.call', { practice: practice.name })}{' '}
      <a href={`tel:${practice.phone.replace(/[^0-9+]/g, '')}`} className="phone-link">
        {practice.phone}
      </a>
    </p>
  );
}
