import { useTranslation } from 'react-i18next';
import { detectBrowserFamily, permissionRecoverySteps } from '../../shared/lib/browser-help';

/** Steps to allow the camera and microphone again, for the patient's own browser (from its user agent). */
export function PermissionHelp() {
  const { t } = useTranslation('media');
  const text = t as unknown as (key: string) => string;
  const family = detectBrowserFamily(navigator.userAgent);
  const steps = permissionRecoverySteps(family);
  return (
    <div className="help" data-testid="permission-help" data-browser={family}>
      <p className="notice-title">{t('permission.title')}</p>
      <ol>
        {steps.map((step) => (
          <li key={step}>{text(step)}</li>
        ))}
      </ol>
    </div>
  );
}
