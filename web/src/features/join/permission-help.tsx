import { useTranslation } from 'react-i18next';
import { detectBrowserFamily, permissionRecoverySteps } from '../../shared/lib/browser-help';

export function PermissionHelp() {
  const { t } = useTranslation('media');
  const text = t as unknown as (key: string) => string;
  const steps = permissionRecoverySteps(detectBrowserFamily(navigator.userAgent));
  return (
    <div className="help">
      <p className="notice-title">{t('permission.title')}</p>
      <ol>
        {steps.map((step) => (
          <li key={step}>{text(step)}</li>
        ))}
      </ol>
    </div>
  );
}
