/** Apps whose built-in browser (webview) often cannot open the camera or microphone. */
const IN_APP_SIGNATURES: { app: string; pattern: RegExp }[] = [
  { app: 'Facebook', pattern: /FBAN|FBAV|FB_IAB|FBIOS/i },
  { app: 'Messenger', pattern: /MessengerForiOS|MESSENGER/ },
  { app: 'Instagram', pattern: /Instagram/i },
  { app: 'WhatsApp', pattern: /WhatsApp/i },
  { app: 'Snapchat', pattern: /Snapchat/i },
  { app: 'TikTok', pattern: /musical_ly|BytedanceWebview|TikTok/i },
  { app: 'LINE', pattern: /\bLine\//i },
  { app: 'LinkedIn', pattern: /LinkedInApp/i },
  { app: 'Twitter', pattern: /Twitter/i },
];

export interface InAppBrowser {
  inApp: boolean;
  /** Name of the app, when recognised. */
  app: string | null;
}

/** Detects in-app browsers (WhatsApp, Facebook, Instagram… webviews) from the user agent. */
export function detectInAppBrowser(userAgent: string): InAppBrowser {
  for (const { app, pattern } of IN_APP_SIGNATURES) {
    if (pattern.test(userAgent)) return { inApp: true, app };
  }
  // Android WebView marks itself with "; wv)".
  if (/Android.*; wv\)/.test(userAgent)) return { inApp: true, app: null };
  return { inApp: false, app: null };
}
