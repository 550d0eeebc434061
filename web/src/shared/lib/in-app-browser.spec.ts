import { detectInAppBrowser } from './in-app-browser';

const UA = {
  chromeAndroid: 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
  safariIos: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  facebookIos: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/459.0.0.36.113;FBBV/1]',
  instagram: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 325.0.0.35.91 (iPhone14,5; iOS 17_4; fr_FR)',
  whatsapp: 'Mozilla/5.0 (Linux; Android 13; SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 WhatsApp/2.24.8.78',
  androidWebView: 'Mozilla/5.0 (Linux; Android 13; SM-A536B; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0 Mobile Safari/537.36',
};

describe('detectInAppBrowser', () => {
  it('does not flag ordinary browsers', () => {
    expect(detectInAppBrowser(UA.chromeAndroid)).toEqual({ inApp: false, app: null });
    expect(detectInAppBrowser(UA.safariIos).inApp).toBe(false);
  });

  it.each([
    ['facebookIos', 'Facebook'],
    ['instagram', 'Instagram'],
    ['whatsapp', 'WhatsApp'],
  ] as const)('recognises %s', (key, app) => {
    expect(detectInAppBrowser(UA[key])).toEqual({ inApp: true, app });
  });

  it('flags an unnamed Android WebView', () => {
    expect(detectInAppBrowser(UA.androidWebView)).toEqual({ inApp: true, app: null });
  });
});
