import { execFileSync } from 'node:child_process';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_OPTIONS } from './bench/browser.ts';

// The whole stack (emulator with a fresh in-memory demo database + gateway serving the built SPA) runs
// as one `server/start.ts` process on free loopback ports. Ports are chosen once in the main process and
// handed to the workers through the environment (workers are forked after this file is loaded).
if (!process.env.ORRERY_E2E_PORT) {
  const ports = execFileSync(
    process.execPath,
    [
      '-e',
      `const net=require('net');const get=()=>new Promise(r=>{const s=net.createServer();s.listen(0,'127.0.0.1',()=>{const p=s.address().port;s.close(()=>r(p));});});Promise.all([get(),get()]).then(p=>console.log(p.join(' ')));`,
    ],
    { encoding: 'utf8' },
  )
    .trim()
    .split(' ');
  process.env.ORRERY_E2E_PORT = ports[0];
  process.env.ORRERY_E2E_EMULATOR_PORT = ports[1];
}
const port = process.env.ORRERY_E2E_PORT;
const emulatorPort = process.env.ORRERY_E2E_EMULATOR_PORT;
process.env.ORRERY_E2E_TOKEN ??= 'e2e-demo-token-0123456789abcdef';
const E2E_TOKEN = process.env.ORRERY_E2E_TOKEN;
const isCI = !!process.env.CI;
// The demo is generated relative to "now". For the same data on every run, generate it as of the last
// 12:00 UTC (at most a day ago): emailing timelines, rates and "newest" do not depend on the hour CI runs.
const DAY = 86_400_000;
const seedTime = new Date(Math.floor((Date.now() - DAY / 2) / DAY) * DAY + DAY / 2).toISOString();

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: isCI ? 2 : undefined,
  retries: isCI ? 1 : 0,
  forbidOnly: isCI,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: isCI ? [['list'], ['json', { outputFile: 'reports/e2e.json' }]] : [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Recording a trace (DOM snapshots and a screencast) costs every test CPU; only a retry records one.
    trace: 'on-first-retry',
    // No transitions to wait out or paint on a 2-core machine (the app honours the setting; see src/app/theme.ts).
    reducedMotion: 'reduce',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: CHROMIUM_OPTIONS,
      },
    },
  ],
  webServer: {
    command: 'node --import tsx server/start.ts --no-build',
    url: `http://127.0.0.1:${port}/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      EMULATOR_PORT: String(emulatorPort),
      EMULATOR_DB: ':memory:',
      EMULATOR_TOKEN: E2E_TOKEN,
      EMULATOR_SEED_TIME: process.env.EMULATOR_SEED_TIME ?? seedTime,
      // Test-only: the emulator's fault switch (lose an answer after the row was stored), see server/emulator/README.md.
      EMULATOR_FAULTS: '1',
      ORRERY_LOG: process.env.ORRERY_LOG ?? 'quiet',
      // every test signs in from 127.0.0.1: far more than a person's sign-in limit per address
      AUTH_RATE_LIMIT: '100000',
    },
  },
});
