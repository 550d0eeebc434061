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

/** The catalogue group (`media:permission.<group>`) of steps for each browser family. */
const STEP_GROUPS = {
  'safari-ios': ['safari-ios', 2],
  'chrome-ios': ['chrome-ios', 2],
  'chrome-android': ['android', 3],
  samsung: ['samsung', 3],
  safari: ['safari', 2],
  firefox: ['firefox', 2],
  edge: ['chromium', 2],
  chrome: ['chromium', 2],
  other: ['other', 1],
} as const satisfies Record<BrowserFamily, readonly [string, number]>;

export type PermissionStepKey = {
  [F in BrowserFamily]: `media:permission.${(typeof STEP_GROUPS)[F][0]}.${1 | 2 | 3}`;
}[BrowserFamily];

/** Catalogue keys of the steps to allow the camera and microphone again after refusing them. */
export function permissionRecoverySteps(family: BrowserFamily): PermissionStepKey[] {
  const [group, count] = STEP_GROUPS[family];
  return Array.from({ length: count }, (_, i) => `media:permission.${group}.${i + 1}` as PermissionStepKey);
}
