export type BrowserFamily = 'safari-ios' | 'chrome-ios' | 'safari' | 'firefox' | 'edge' | 'samsung' | 'chrome-android' | 'chrome' | 'other';

/** Recognises the browser family, to give the right permission recovery steps. */
export function detectBrowserFamily(userAgent: string): BrowserFamily {
  const ios = /iPhone|iPad|iPod/.test(userAgent);
  if (ios) return /CriOS/.test(userAgent) ? 'chrome-ios' : 'safari-ios';
  if (/SamsungBrowser/.test(userAgent)) return 'samsung';
  if (/Edg\//.test(userAgent)) return 'edge';
  if (/Firefox\//.test(userAgent)) return 'firefox';
  if (/Chrome\//.test(userAgent)) return /Android/.test(userAgent) ? 'chrome-android' : 'chrome';
  if (/Safari\//.test(userAgent)) return 'safari';
  return 'other';
}

/** Steps to allow the camera and microphone again after refusing them. */
export function permissionRecoverySteps(family: BrowserFamily): string[] {
  switch (family) {
    case 'safari-ios':
      return [
        'Open the Settings app, scroll to Safari, then tap Camera and Microphone and choose "Ask" or "Allow".',
        'Come back to this page and reload it (tap the reload arrow in the address bar).',
      ];
    case 'chrome-ios':
      return ['Open the Settings app, scroll to Chrome, and turn on Camera and Microphone.', 'Come back to this page and reload it.'];
    case 'chrome-android':
    case 'samsung':
      return [
        'Tap the icon to the left of the address bar (a lock or settings icon), then Permissions.',
        'Allow Camera and Microphone, then reload the page.',
        'If that does not help: Android Settings → Apps → your browser → Permissions → allow Camera and Microphone.',
      ];
    case 'safari':
      return ['In the menu bar choose Safari → Settings for This Website…', 'Set Camera and Microphone to "Allow", then reload the page.'];
    case 'firefox':
      return ['Click the crossed-out camera icon in the address bar.', 'Remove the "Blocked" permissions, then reload the page and choose "Allow".'];
    case 'edge':
    case 'chrome':
      return ['Click the icon to the left of the address bar (site settings).', 'Set Camera and Microphone to "Allow", then reload the page.'];
    default:
      return ['Open your browser settings for this site and allow the camera and microphone, then reload the page.'];
  }
}
