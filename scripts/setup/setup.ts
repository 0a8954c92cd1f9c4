/**
 * The set-up `npm test` does before anything slow: find (or install) Chromium and redis-server.
 * Without Chromium the run stops with one paragraph saying what to do; without redis-server the Redis
 * tests are skipped, and counted as skipped.
 */
import { type Found, findChromium, playwrightBrowsersDir, systemChromiumPaths } from './find-chromium.ts';
import { findRedisServer } from './find-redis.ts';
import {
  type Attempt,
  canInstallWithApt,
  chromiumAptPackage,
  chromiumInstallCommand,
  createInstaller,
  type Installer,
  redisInstallCommand,
} from './install.ts';
import type { SetupSystem } from './system.ts';

export type SetupResult = {
  chromium: Found | null;
  redis: Found | null;
  /** What was found or installed, one line each, for the log. */
  report: string[];
  /** Why the run cannot go on (one paragraph), or null. */
  problem: string | null;
};

type Log = (line: string) => void;

function attemptText(attempt: Attempt): string {
  return `\`${attempt.what}\` failed (${attempt.reason})`;
}

/** The browser's own "--version" line; a browser that cannot start (missing libraries) fails here, in a second. */
function chromiumVersion(sys: SetupSystem, path: string): { ok: boolean; text: string } {
  if (sys.platform === 'win32') return { ok: true, text: '' };
  const res = sys.run(path, ['--version'], { timeoutMs: 20_000 });
  const line = res.output.split('\n').find((l) => /chrom/i.test(l)) ?? res.output.trim().split('\n').at(-1) ?? '';
  return { ok: res.ok, text: line.trim() };
}

function ensureChromium(sys: SetupSystem, installer: Installer, log: Log): Pick<SetupResult, 'chromium' | 'problem'> & { line: string } {
  let search = findChromium(sys);
  const failures: string[] = [];
  const install = (attempt: () => Attempt) => {
    const result = attempt();
    search = findChromium(sys);
    if (!result.ok) failures.push(attemptText(result));
    else if (!search.found) failures.push(`\`${result.what}\` ran but left no browser at the paths above`);
  };
  // Root on Debian/Ubuntu: apt first, because it also brings the system libraries a downloaded browser may lack.
  if (!search.found && canInstallWithApt(sys)) {
    const pkg = chromiumAptPackage(sys);
    log(`Chromium not found; installing it: apt-get install -y ${pkg} (takes a minute)…`);
    install(() => installer.apt(pkg));
  }
  if (!search.found) {
    log("Chromium not found; trying Playwright's download: npx playwright install chromium…");
    install(() => installer.playwrightChromium());
  }
  const notes = search.notes.length ? ` ${search.notes.join(' ')}` : '';
  if (!search.found) {
    if (!canInstallWithApt(sys) && chromiumInstallCommand(sys).includes('apt-get')) failures.push('apt-get needs root');
    const configured = notes || ' CHROMIUM_PATH is not set.';
    const problem =
      `Cannot run the end-to-end tests: Chromium is missing.${configured} None is at the usual system paths ` +
      `(${systemChromiumPaths(sys).join(', ')}) or in Playwright's browser cache (${playwrightBrowsersDir(sys)}), ` +
      `and it could not be installed: ${failures.join('; ')}. Install it with \`${chromiumInstallCommand(sys)}\` ` +
      `and run \`npm test\` again, or point CHROMIUM_PATH at a Chrome or Chromium you already have: ` +
      `\`CHROMIUM_PATH=/path/to/chrome npm test\`.`;
    return { chromium: null, problem, line: 'Chromium: missing' };
  }
  const { path, where } = search.found;
  const version = chromiumVersion(sys, path);
  if (!version.ok) {
    const problem =
      `Cannot run the end-to-end tests: the Chromium at ${path} (from ${where}) does not start: \`${path} --version\` ` +
      `says "${version.text}".${notes} A browser downloaded by Playwright may lack system libraries ` +
      `(\`sudo npx playwright install-deps chromium\` adds them); or install one with \`${chromiumInstallCommand(sys)}\`, ` +
      `or point CHROMIUM_PATH at a Chrome or Chromium that starts: \`CHROMIUM_PATH=/path/to/chrome npm test\`.`;
    return { chromium: null, problem, line: `Chromium: ${path} does not start` };
  }
  return {
    chromium: search.found,
    problem: null,
    line: `Chromium: ${path} (${version.text || 'version unknown'}; from ${where}).${notes}`,
  };
}

function ensureRedis(sys: SetupSystem, installer: Installer, log: Log): { redis: Found | null; line: string } {
  let search = findRedisServer(sys);
  const failures: string[] = [];
  if (!search.found && canInstallWithApt(sys)) {
    log('redis-server not found; installing it: apt-get install -y redis-server…');
    const attempt = installer.apt('redis-server');
    if (!attempt.ok) failures.push(attemptText(attempt));
    search = findRedisServer(sys);
  }
  const notes = search.notes.length ? ` ${search.notes.join(' ')}` : '';
  if (search.found) {
    const version = /v=(\S+)/.exec(sys.run(search.found.path, ['--version'], { timeoutMs: 10_000 }).output)?.[1] ?? 'version unknown';
    return {
      redis: search.found,
      line: `redis-server: ${search.found.path} (${version}; from ${search.found.where}); the Redis tests will run.${notes}`,
    };
  }
  const why = failures.length ? ` (${failures.join('; ')})` : '';
  return {
    redis: null,
    line:
      `redis-server: not installed${why}; the Redis tests will be skipped and counted as skipped ` +
      `(install it with \`${redisInstallCommand(sys)}\`, or set REDIS_SERVER_PATH).${notes}`,
  };
}

export function runSetup(sys: SetupSystem, log: Log = () => {}, installer: Installer = createInstaller(sys)): SetupResult {
  const chromium = ensureChromium(sys, installer, log);
  // Without Chromium the run stops, so there is no point installing Redis first.
  if (chromium.problem) return { chromium: null, redis: null, report: [chromium.line], problem: chromium.problem };
  const redis = ensureRedis(sys, installer, log);
  return { chromium: chromium.chromium, redis: redis.redis, report: [chromium.line, redis.line], problem: null };
}

/** What the test runners get: the browser to launch, and REDIS_SERVER_PATH only when redis-server is there. */
export function applySetup(result: SetupResult, env: Record<string, string | undefined>): void {
  if (result.chromium) env.CHROMIUM_PATH = result.chromium.path;
  if (result.redis) env.REDIS_SERVER_PATH = result.redis.path;
  else delete env.REDIS_SERVER_PATH;
}
