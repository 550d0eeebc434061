import { RESOURCES } from '@visite/i18n';
import { detectBrowserFamily, permissionRecoverySteps, type BrowserFamily } from './browser-help';

describe('detectBrowserFamily', () => {
  it.each([
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1', 'safari-ios'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0 Mobile/15E148 Safari/604.1', 'chrome-ios'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36', 'chrome-android'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0', 'edge'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0', 'firefox'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15', 'safari'],
  ])('%s', (ua, family) => {
    expect(detectBrowserFamily(ua)).toBe(family);
  });

  it('always has recovery steps, each a text of both catalogues', () => {
    const families: BrowserFamily[] = ['safari-ios', 'chrome-ios', 'safari', 'firefox', 'edge', 'samsung', 'chrome-android', 'chrome', 'other'];
    for (const family of families) {
      const steps = permissionRecoverySteps(family);
      expect(steps.length).toBeGreaterThan(0);
      for (const key of steps) {
        const [group, n] = key.replace('media:permission.', '').split('.');
        for (const lng of ['fr', 'en'] as const) {
          const texts = (RESOURCES[lng].media.permission as unknown as Record<string, Record<string, string>>)[group];
          expect(texts?.[n]).toEqual(expect.any(String));
        }
      }
    }
    expect(permissionRecoverySteps('chrome-android')).toEqual(['media:permission.android.1', 'media:permission.android.2', 'media:permission.android.3']);
  });
});
