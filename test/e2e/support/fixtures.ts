import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { type E2eStack, readStack } from './stack-env';

/** The running stack and one Chromium for a spec file; the browser is closed after the file. */
export function useStackAndBrowser(): { readonly stack: E2eStack; readonly browser: Browser } {
  let stack: E2eStack | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    stack = readStack();
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());
  const ready = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`${what} is not ready (beforeAll has not run)`);
    return value;
  };
  return {
    get stack() {
      return ready(stack, 'the stack');
    },
    get browser() {
      return ready(browser, 'the browser');
    },
  };
}
