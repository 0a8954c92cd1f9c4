/**
 * Installing what the tests need, the ways a machine allows: apt-get when root on Debian or Ubuntu, and
 * Playwright's own download (which needs its CDN; on a closed network it fails within seconds).
 */
import type { SetupSystem } from './system.ts';

export type Attempt = { ok: boolean; what: string; reason: string };

type PackageManager = 'apt' | 'dnf' | 'pacman' | 'brew' | null;

function packageManager(sys: SetupSystem): PackageManager {
  if (sys.platform === 'darwin') return 'brew';
  if (sys.platform !== 'linux') return null;
  if (sys.isExecutable('/usr/bin/apt-get')) return 'apt';
  if (sys.isExecutable('/usr/bin/dnf')) return 'dnf';
  if (sys.isExecutable('/usr/bin/pacman')) return 'pacman';
  return null;
}

/** apt-get installs without asking only for root; nobody else gets a password prompt in the middle of a test run. */
export function canInstallWithApt(sys: SetupSystem): boolean {
  return packageManager(sys) === 'apt' && sys.uid === 0;
}

function isUbuntu(sys: SetupSystem): boolean {
  return /^ID=("?)ubuntu\1$/m.test(sys.readText('/etc/os-release') ?? '');
}

/** Debian ships Chromium as `chromium`; Ubuntu's package is `chromium-browser` (it installs the snap). */
export function chromiumAptPackage(sys: SetupSystem): string {
  return isUbuntu(sys) ? 'chromium-browser' : 'chromium';
}

const sudo = (sys: SetupSystem) => (sys.uid === 0 ? '' : 'sudo ');

/** The one command to suggest for this machine. */
export function chromiumInstallCommand(sys: SetupSystem): string {
  switch (packageManager(sys)) {
    case 'apt':
      return `${sudo(sys)}apt-get install -y ${chromiumAptPackage(sys)}`;
    case 'dnf':
      return `${sudo(sys)}dnf install -y chromium`;
    case 'pacman':
      return `${sudo(sys)}pacman -S --noconfirm chromium`;
    default:
      return 'npx playwright install chromium';
  }
}

export function redisInstallCommand(sys: SetupSystem): string {
  switch (packageManager(sys)) {
    case 'apt':
      return `${sudo(sys)}apt-get install -y redis-server`;
    case 'dnf':
      return `${sudo(sys)}dnf install -y redis`;
    case 'pacman':
      return `${sudo(sys)}pacman -S --noconfirm redis`;
    case 'brew':
      return 'brew install redis';
    default:
      return 'install Redis (redis-server) with your package manager';
  }
}

/** The line of a failed command's output that says why: its first "Error: …", else its last line. */
function failureReason(output: string): string {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const errors = lines.filter((line) => /^(Error|E): /.test(line));
  // A system error code (ENOTFOUND, ECONNRESET…) says more than a wrapper's "Failed to download".
  const error = errors.find((line) => /\bE[A-Z_]{3,}\b/.test(line)) ?? errors[0];
  return (error ?? lines.at(-1) ?? 'no output').replace(/^(Error|E): /, '').slice(0, 200);
}

export type Installer = { apt(pkg: string): Attempt; playwrightChromium(): Attempt };

export function createInstaller(sys: SetupSystem): Installer {
  const aptEnv = { DEBIAN_FRONTEND: 'noninteractive' };
  let aptUpdated = false;
  return {
    apt(pkg) {
      const what = `apt-get install -y ${pkg}`;
      // A fresh machine has empty package lists; refresh them once per run.
      if (!aptUpdated) {
        // A mirror that does not answer should fail this in seconds, not after apt's default two minutes.
        const update = sys.run('apt-get', ['update', '-qq', '-o', 'Acquire::http::Timeout=20'], { timeoutMs: 5 * 60_000, env: aptEnv });
        if (!update.ok) return { ok: false, what, reason: `apt-get update failed: ${failureReason(update.output)}` };
        aptUpdated = true;
      }
      const install = sys.run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], { timeoutMs: 10 * 60_000, env: aptEnv });
      return { ok: install.ok, what, reason: install.ok ? '' : failureReason(install.output) };
    },
    playwrightChromium() {
      const what = 'npx playwright install chromium';
      // A closed network shows in a second, where Playwright would try five times. Behind a proxy only Playwright knows the way.
      const host = new URL(sys.env.PLAYWRIGHT_CHROMIUM_DOWNLOAD_HOST ?? sys.env.PLAYWRIGHT_DOWNLOAD_HOST ?? 'https://cdn.playwright.dev')
        .hostname;
      const proxied = ['HTTPS_PROXY', 'https_proxy', 'ALL_PROXY', 'all_proxy'].some((name) => sys.env[name]);
      const unreachable = proxied ? null : sys.connectError(host);
      if (unreachable) return { ok: false, what, reason: `its download host ${host} cannot be reached: ${unreachable}` };
      // A network that swallows connections should fail in seconds, not after Playwright's default 30 s per try.
      const res = sys.run('npx', ['playwright', 'install', 'chromium'], {
        timeoutMs: 10 * 60_000,
        env: { PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT: '10000' },
      });
      return { ok: res.ok, what, reason: res.ok ? '' : failureReason(res.output) };
    },
  };
}
