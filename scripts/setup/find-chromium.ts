/**
 * Where Chromium is on this machine: the one place that answers it, for `npm test`, the Playwright config
 * and the benchmarks. Order: CHROMIUM_PATH, the usual system paths, then Playwright's own browser cache.
 */
import { join, resolve } from 'node:path';
import type { SetupSystem } from './system.ts';

export type Found = { path: string; where: string };
export type Search = { found: Found | null; notes: string[] };

export function systemChromiumPaths(sys: Pick<SetupSystem, 'platform' | 'home' | 'env'>): string[] {
  if (sys.platform === 'darwin') {
    const apps = ['Chromium.app/Contents/MacOS/Chromium', 'Google Chrome.app/Contents/MacOS/Google Chrome'];
    return [...apps.map((app) => `/Applications/${app}`), ...apps.map((app) => join(sys.home, 'Applications', app))];
  }
  if (sys.platform === 'win32') {
    const roots = [sys.env.PROGRAMFILES ?? 'C:\\Program Files', sys.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)'];
    return roots.map((root) => `${root}\\Google\\Chrome\\Application\\chrome.exe`);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ];
}

/** The folder `npx playwright install` downloads into (Playwright's own rules, PLAYWRIGHT_BROWSERS_PATH first). */
export function playwrightBrowsersDir(sys: Pick<SetupSystem, 'platform' | 'home' | 'env' | 'cwd'>): string {
  const configured = sys.env.PLAYWRIGHT_BROWSERS_PATH;
  if (configured === '0') return join(sys.cwd, 'node_modules', 'playwright-core', '.local-browsers');
  if (configured) return resolve(sys.cwd, configured);
  if (sys.platform === 'darwin') return join(sys.home, 'Library', 'Caches', 'ms-playwright');
  if (sys.platform === 'win32') return join(sys.env.LOCALAPPDATA ?? join(sys.home, 'AppData', 'Local'), 'ms-playwright');
  return join(sys.env.XDG_CACHE_HOME ?? join(sys.home, '.cache'), 'ms-playwright');
}

/** Executables inside the cache's `chromium-<revision>` folders, newest revision first. */
export function playwrightChromiumPaths(sys: SetupSystem): string[] {
  const dir = playwrightBrowsersDir(sys);
  const revisions = sys
    .listDir(dir)
    .filter((name) => /^chromium-\d+$/.test(name))
    .sort((a, b) => Number(b.slice('chromium-'.length)) - Number(a.slice('chromium-'.length)));
  const paths: string[] = [];
  for (const revision of revisions) {
    for (const build of sys.listDir(join(dir, revision))) {
      if (/^chrome-(linux|win)/.test(build)) paths.push(join(dir, revision, build, sys.platform === 'win32' ? 'chrome.exe' : 'chrome'));
      if (/^chrome-mac/.test(build)) {
        paths.push(join(dir, revision, build, 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'));
        paths.push(join(dir, revision, build, 'Chromium.app', 'Contents', 'MacOS', 'Chromium'));
      }
    }
  }
  return paths;
}

export function findChromium(sys: SetupSystem): Search {
  const notes: string[] = [];
  const configured = sys.env.CHROMIUM_PATH;
  if (configured) {
    if (sys.isExecutable(configured)) return { found: { path: resolve(sys.cwd, configured), where: 'CHROMIUM_PATH' }, notes };
    notes.push(`CHROMIUM_PATH=${configured} is not an executable file, so it was ignored.`);
  }
  const systemPath = systemChromiumPaths(sys).find((path) => sys.isExecutable(path));
  if (systemPath) return { found: { path: systemPath, where: 'a usual system path' }, notes };
  const cached = playwrightChromiumPaths(sys).find((path) => sys.isExecutable(path));
  if (cached) return { found: { path: cached, where: "Playwright's browser cache" }, notes };
  return { found: null, notes };
}
