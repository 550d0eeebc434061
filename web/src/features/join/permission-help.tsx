import { detectBrowserFamily, permissionRecoverySteps } from '../../shared/lib/browser-help';
import { JOIN_TEXT } from './strings';

export function PermissionHelp() {
  const steps = permissionRecoverySteps(detectBrowserFamily(navigator.userAgent));
  return (
    <div className="help">
      <p className="notice-title">{JOIN_TEXT.check.recoveryTitle}</p>
      <ol>
        {steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
    </div>
  );
}
