import { describe, expect, it } from 'vitest';
import { findChromium, playwrightBrowsersDir } from './find-chromium.ts';
import { findRedisServer } from './find-redis.ts';
import { applySetup, runSetup } from './setup.ts';
import type { CommandResult, SetupSystem } from './system.ts';

type FakeOptions = {
  platform?: NodeJS.Platform;
  uid?: number | null;
  env?: Record<string, string | undefined>;
  files?: string[];
  osRelease?: string;
  /** Hosts that accept connections (Playwright's download host by default). */
  hosts?: string[];
  /** Answers to commands, by "command arg1 arg2"; a command not listed fails. */
  commands?: Record<string, (fake: FakeSystem) => CommandResult>;
};

type FakeSystem = SetupSystem & { files: Set<string>; ran: string[] };

/** A machine made of a file list: folders are derived from the files in them. */
function fakeSystem(options: FakeOptions = {}): FakeSystem {
  const files = new Set(options.files ?? []);
  const ran: string[] = [];
  const fake: FakeSystem = {
    platform: options.platform ?? 'linux',
    uid: options.uid === undefined ? 1000 : options.uid,
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', ...options.env },
    home: '/home/dev',
    cwd: '/home/dev/orrery',
    files,
    ran,
    isExecutable: (path) => files.has(path),
    listDir: (dir) => [...new Set([...files].filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1).split('/')[0]))],
    connectError: (host) => ((options.hosts ?? ['cdn.playwright.dev']).includes(host) ? null : 'ENOTFOUND'),
    readText: (path) => (path === '/etc/os-release' ? (options.osRelease ?? null) : null),
    run(command, args) {
      const line = [command, ...args].join(' ');
      ran.push(line);
      const answer = options.commands?.[line] ?? (args[0] === '--version' && files.has(command) ? () => ok(`${command} 1.0`) : undefined);
      return answer ? answer(fake) : { ok: false, output: `${command}: command not found` };
    },
  };
  return fake;
}

const ok = (output = '') => ({ ok: true, output });
const DOWNLOAD_FAILS = {
  'npx playwright install chromium': () => ({
    ok: false,
    output:
      'Downloading Chrome…\nError: Failed to download Chrome, caused by\nError: Download failure, code=1\nError: getaddrinfo ENOTFOUND cdn.playwright.dev\n',
  }),
};
const installs =
  (path: string, output = '') =>
  (fake: FakeSystem) => {
    fake.files.add(path);
    return ok(output);
  };

describe('finding Chromium', () => {
  it('takes CHROMIUM_PATH first, before the system paths', () => {
    const sys = fakeSystem({ env: { CHROMIUM_PATH: '/opt/chrome/chrome' }, files: ['/opt/chrome/chrome', '/usr/bin/chromium'] });
    expect(findChromium(sys).found).toEqual({ path: '/opt/chrome/chrome', where: 'CHROMIUM_PATH' });
  });

  it('says so when CHROMIUM_PATH points at nothing, and goes on to the system paths in order', () => {
    const sys = fakeSystem({
      env: { CHROMIUM_PATH: '/nonexistent' },
      files: ['/usr/bin/google-chrome-stable', '/usr/bin/chromium-browser'],
    });
    const search = findChromium(sys);
    expect(search.found).toEqual({ path: '/usr/bin/chromium-browser', where: 'a usual system path' });
    expect(search.notes.join(' ')).toContain('CHROMIUM_PATH=/nonexistent is not an executable file');
  });

  it("falls back to Playwright's cache, newest revision first", () => {
    const cache = '/home/dev/.cache/ms-playwright';
    const sys = fakeSystem({
      files: [
        `${cache}/chromium-998/chrome-linux/chrome`,
        `${cache}/chromium-1255/chrome-linux64/chrome`,
        `${cache}/chromium_headless_shell-1255/x`,
      ],
    });
    expect(findChromium(sys).found).toEqual({ path: `${cache}/chromium-1255/chrome-linux64/chrome`, where: "Playwright's browser cache" });
  });

  it('prefers a system Chromium over the cache', () => {
    const sys = fakeSystem({ files: ['/snap/bin/chromium', '/home/dev/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome'] });
    expect(findChromium(sys).found?.path).toBe('/snap/bin/chromium');
  });

  it('honours PLAYWRIGHT_BROWSERS_PATH and XDG_CACHE_HOME like Playwright does', () => {
    expect(playwrightBrowsersDir(fakeSystem({ env: { PLAYWRIGHT_BROWSERS_PATH: '/browsers' } }))).toBe('/browsers');
    expect(playwrightBrowsersDir(fakeSystem({ env: { PLAYWRIGHT_BROWSERS_PATH: '0' } }))).toBe(
      '/home/dev/orrery/node_modules/playwright-core/.local-browsers',
    );
    expect(playwrightBrowsersDir(fakeSystem({ env: { XDG_CACHE_HOME: '/xdg' } }))).toBe('/xdg/ms-playwright');
    const sys = fakeSystem({ env: { PLAYWRIGHT_BROWSERS_PATH: '/browsers' }, files: ['/browsers/chromium-1/chrome-linux64/chrome'] });
    expect(findChromium(sys).found?.path).toBe('/browsers/chromium-1/chrome-linux64/chrome');
  });

  it('knows the macOS application paths', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findChromium(fakeSystem({ platform: 'darwin', files: [chrome] })).found?.path).toBe(chrome);
  });
});

describe('finding redis-server', () => {
  it('takes REDIS_SERVER_PATH, then PATH, then the usual folders', () => {
    const files = ['/custom/redis-server', '/usr/local/bin/redis-server', '/opt/homebrew/bin/redis-server'];
    expect(findRedisServer(fakeSystem({ env: { REDIS_SERVER_PATH: '/custom/redis-server' }, files })).found?.path).toBe(
      '/custom/redis-server',
    );
    expect(findRedisServer(fakeSystem({ files })).found).toEqual({ path: '/usr/local/bin/redis-server', where: 'PATH' });
    expect(findRedisServer(fakeSystem({ files: ['/opt/homebrew/bin/redis-server'] })).found?.where).toBe('a usual install folder');
    expect(findRedisServer(fakeSystem()).found).toBeNull();
  });
});

describe('the set-up before the tests', () => {
  it('installs nothing when both are there, and hands their paths to the test runners', () => {
    const sys = fakeSystem({ files: ['/usr/bin/chromium', '/usr/bin/redis-server'], env: { REDIS_SERVER_PATH: undefined } });
    const result = runSetup(sys);
    expect(result.problem).toBeNull();
    expect(sys.ran).toEqual(['/usr/bin/chromium --version', '/usr/bin/redis-server --version']);
    const env: Record<string, string | undefined> = {};
    applySetup(result, env);
    expect(env).toEqual({ CHROMIUM_PATH: '/usr/bin/chromium', REDIS_SERVER_PATH: '/usr/bin/redis-server' });
  });

  it('stops with one paragraph when nothing is found and nothing can be installed', () => {
    const sys = fakeSystem({ env: { CHROMIUM_PATH: '/nonexistent' }, files: ['/usr/bin/apt-get'], commands: DOWNLOAD_FAILS });
    const result = runSetup(sys);
    expect(sys.ran).toEqual(['npx playwright install chromium']);
    expect(result.chromium).toBeNull();
    const paragraph = result.problem ?? '';
    expect(paragraph).not.toContain('\n');
    expect(paragraph).toContain('Chromium is missing');
    expect(paragraph).toContain('`npx playwright install chromium` failed (getaddrinfo ENOTFOUND cdn.playwright.dev)');
    expect(paragraph).toContain('apt-get needs root');
    expect(paragraph).toContain('Install it with `sudo apt-get install -y chromium`');
    expect(paragraph).toContain('CHROMIUM_PATH=/nonexistent is not an executable file');
    expect(paragraph).toContain('`CHROMIUM_PATH=/path/to/chrome npm test`');
  });

  it("does not start Playwright's download when its host cannot be reached (honouring PLAYWRIGHT_DOWNLOAD_HOST)", () => {
    const sys = fakeSystem({ env: { PLAYWRIGHT_DOWNLOAD_HOST: 'https://mirror.example' }, hosts: ['cdn.playwright.dev'] });
    const result = runSetup(sys);
    expect(sys.ran).toEqual([]);
    expect(result.problem).toContain(
      '`npx playwright install chromium` failed (its download host mirror.example cannot be reached: ENOTFOUND)',
    );
  });

  it('leaves reaching the download host to Playwright behind a proxy', () => {
    const sys = fakeSystem({ env: { HTTPS_PROXY: 'http://proxy:3128' }, hosts: [], commands: DOWNLOAD_FAILS });
    runSetup(sys);
    expect(sys.ran).toEqual(['npx playwright install chromium']);
  });

  it('suggests the Playwright download where no package manager is known', () => {
    const result = runSetup(fakeSystem({ platform: 'darwin', commands: DOWNLOAD_FAILS }));
    expect(result.problem).toContain('Install it with `npx playwright install chromium`');
  });

  it('as root with apt: installs Chromium and redis-server with apt, refreshing the package lists once', () => {
    const sys = fakeSystem({
      uid: 0,
      files: ['/usr/bin/apt-get'],
      commands: {
        'apt-get update -qq -o Acquire::http::Timeout=20': () => ok(),
        'apt-get install -y -qq --no-install-recommends chromium': installs('/usr/bin/chromium'),
        'apt-get install -y -qq --no-install-recommends redis-server': installs('/usr/bin/redis-server'),
      },
    });
    const result = runSetup(sys);
    expect(result.problem).toBeNull();
    expect(result.chromium?.path).toBe('/usr/bin/chromium');
    expect(result.redis?.path).toBe('/usr/bin/redis-server');
    expect(sys.ran.filter((line) => line.startsWith('apt-get'))).toEqual([
      'apt-get update -qq -o Acquire::http::Timeout=20',
      'apt-get install -y -qq --no-install-recommends chromium',
      'apt-get install -y -qq --no-install-recommends redis-server',
    ]);
  });

  it("as root, when apt fails, tries Playwright's download and finds it in the cache", () => {
    const sys = fakeSystem({
      uid: 0,
      files: ['/usr/bin/apt-get', '/usr/bin/redis-server'],
      commands: {
        'apt-get update -qq -o Acquire::http::Timeout=20': () => ({ ok: false, output: 'E: Could not resolve deb.debian.org\n' }),
        'npx playwright install chromium': installs('/home/dev/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome'),
      },
    });
    const result = runSetup(sys);
    expect(result.problem).toBeNull();
    expect(result.chromium?.where).toBe("Playwright's browser cache");
  });

  it('as root, when apt and the download both fail, names both and the command without sudo', () => {
    const sys = fakeSystem({
      uid: 0,
      files: ['/usr/bin/apt-get'],
      osRelease: 'NAME="Ubuntu"\nID=ubuntu\n',
      commands: { 'apt-get update -qq -o Acquire::http::Timeout=20': () => ok(), ...DOWNLOAD_FAILS },
    });
    const paragraph = runSetup(sys).problem ?? '';
    expect(paragraph).toContain('`apt-get install -y chromium-browser` failed');
    expect(paragraph).toContain('getaddrinfo ENOTFOUND');
    expect(paragraph).toContain('Install it with `apt-get install -y chromium-browser`');
    expect(paragraph).not.toContain('needs root');
  });

  it('says so when an install succeeds but leaves no browser where the search looks', () => {
    const sys = fakeSystem({
      uid: 0,
      files: ['/usr/bin/apt-get'],
      commands: {
        'apt-get update -qq -o Acquire::http::Timeout=20': () => ok(),
        'apt-get install -y -qq --no-install-recommends chromium': () => ok(),
      },
      hosts: [],
    });
    const paragraph = runSetup(sys).problem ?? '';
    expect(paragraph).toContain('CHROMIUM_PATH is not set.');
    expect(paragraph).toContain('`apt-get install -y chromium` ran but left no browser at the paths above');
    expect(paragraph).toContain('its download host cdn.playwright.dev cannot be reached: ENOTFOUND');
  });

  it('stops when the Chromium found cannot start', () => {
    const sys = fakeSystem({
      files: ['/usr/bin/chromium'],
      commands: { '/usr/bin/chromium --version': () => ({ ok: false, output: 'error while loading shared libraries: libnss3.so' }) },
    });
    expect(runSetup(sys).problem).toContain('does not start');
  });

  it('goes on without redis-server, says the Redis tests will be skipped and exports no REDIS_SERVER_PATH', () => {
    const sys = fakeSystem({ files: ['/usr/bin/chromium'], env: { REDIS_SERVER_PATH: '/gone/redis-server' } });
    const result = runSetup(sys);
    expect(result.problem).toBeNull();
    expect(result.redis).toBeNull();
    expect(result.report.join('\n')).toContain('redis-server: not installed; the Redis tests will be skipped');
    const env: Record<string, string | undefined> = { REDIS_SERVER_PATH: '/gone/redis-server' };
    applySetup(result, env);
    expect(env).toEqual({ CHROMIUM_PATH: '/usr/bin/chromium' });
  });
});
