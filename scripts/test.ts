/**
 * `npm test`: everything CI runs, in order — set-up (find or install Chromium and redis-server), lint,
 * typecheck, unit tests (Vitest), build, end-to-end tests (Playwright against the real stack). Unit and e2e
 * both run even when one fails, so one run shows every failure. Ends with the plain line
 * `N passed, N failed, N skipped` that CI reads; exits non-zero on any failure.
 * `npm test -- --setup-only` runs just the set-up and says what it found.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { applySetup, runSetup } from './setup/setup.ts';
import { realSystem } from './setup/system.ts';

const t0 = performance.now();
const seconds = () => Math.round((performance.now() - t0) / 1000);
const failedChecks: string[] = [];
const setupOnly = process.argv.includes('--setup-only');

// Before anything slow: a missing browser should cost seconds, not a lint, typecheck, unit and build run.
console.log('=== set-up: Chromium and redis-server (t=0s)');
const setup = runSetup(realSystem(), (line) => console.log(line));
for (const line of setup.report) console.log(line);
if (setup.problem) {
  console.error(`\n${setup.problem}\n`);
  if (!setupOnly) console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
}
applySetup(setup, process.env);
console.log(`set-up took ${((performance.now() - t0) / 1000).toFixed(1)}s`);
if (setupOnly) process.exit(0);
const redisLine = setup.redis
  ? `redis: tests that need it used ${setup.redis.path}`
  : 'redis: tests that need it were skipped (redis-server not installed)';

function step(name: string, cmd: string, args: string[]): boolean {
  console.log(`\n=== ${name} (t=${seconds()}s)`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const ok = res.status === 0;
  if (!ok) failedChecks.push(name);
  return ok;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

mkdirSync('reports', { recursive: true });
rmSync('reports/unit.json', { force: true });
rmSync('reports/e2e.json', { force: true });

const npx = 'npx';
step('lint', npx, ['biome', 'check', '.']);
step('typecheck', 'npm', ['run', '-s', 'typecheck']);
step('unit tests', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/unit.json']);
const built = step('build', npx, ['vite', 'build']);
if (built) step('e2e tests', npx, ['playwright', 'test']);
else console.log('\n=== e2e tests skipped: the build failed');

type VitestReport = { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
type PlaywrightReport = { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
const unit = readJson<VitestReport>('reports/unit.json');
const e2e = readJson<PlaywrightReport>('reports/e2e.json');

// A missing report counts as one failure: a runner that crashed must not look like "nothing failed".
const unitPassed = unit?.numPassedTests ?? 0;
const unitFailed = unit ? unit.numFailedTests : 1;
const e2ePassed = e2e ? e2e.stats.expected + e2e.stats.flaky : 0;
const e2eFailed = e2e ? e2e.stats.unexpected : 1;
const skipped = (unit ? unit.numPendingTests + unit.numTodoTests : 0) + (e2e?.stats.skipped ?? 0);
// Lint, typecheck and build are checks, not tests: each failing one adds a failure so the line never reads green.
const checkFailures = failedChecks.filter((c) => c === 'lint' || c === 'typecheck' || c === 'build').length;

console.log(`\n=== summary (${seconds()}s)`);
console.log(`unit: ${unitPassed} passed, ${unitFailed} failed`);
console.log(`e2e: ${e2ePassed} passed, ${e2eFailed} failed${e2e?.stats.flaky ? ` (${e2e.stats.flaky} flaky, passed on retry)` : ''}`);
console.log(redisLine);
if (failedChecks.length) console.log(`failed steps: ${failedChecks.join(', ')}`);
console.log(`${unitPassed + e2ePassed} passed, ${unitFailed + e2eFailed + checkFailures} failed, ${skipped} skipped`);
process.exit(failedChecks.length === 0 && unitFailed === 0 && e2eFailed === 0 ? 0 : 1);
