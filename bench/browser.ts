import { type Browser, chromium } from '@playwright/test';
import { findChromium } from '../scripts/setup/find-chromium.ts';
import { realSystem } from '../scripts/setup/system.ts';

/**
 * The Chromium `npm test` found or installed (CHROMIUM_PATH, the usual system paths, Playwright's cache);
 * none found leaves Playwright's own default, whose error says how to install it. Quiet on a closed network.
 */
export const CHROMIUM_OPTIONS = {
  executablePath: findChromium(realSystem()).found?.path,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM_OPTIONS);
}
