// `npm start`: build the SPA if stale, start the embedded emulator (unless COPERNICA_API_URL is set) and
// the gateway serving everything on one port. Flags: --no-build. Env: see server/gateway/README.md.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from './gateway/config.ts';
import { startGateway } from './gateway/index.ts';
import { createLogger, parseLogLevel } from './gateway/log.ts';
import { startBackend } from './shared/embedded.ts';
import { portFromEnv } from './shared/ports.ts';

const root = resolve(import.meta.dirname, '..');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function buildIfStale(): void {
  const built = join(root, 'dist', 'index.html');
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  const sourcesAt = Math.max(...['src', 'index.html', 'vite.config.ts', 'public'].map((p) => newestMtime(join(root, p))));
  if (builtAt > sourcesAt) return;
  console.log(builtAt ? 'The SPA sources changed since the last build: building…' : 'Building the SPA…');
  const res = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) throw new Error('vite build failed');
}

async function main() {
  const env = process.env;
  const logger = createLogger(parseLogLevel(env.ORRERY_LOG));
  if (!process.argv.includes('--no-build')) buildIfStale();

  const port = portFromEnv(env.PORT, 8080, 'PORT');
  const host = env.HOST || '127.0.0.1';
  const publicUrl = env.PUBLIC_URL || `http://127.0.0.1:${port}`;
  const backend = await startBackend(env, publicUrl, logger);
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  try {
    gateway = await startGateway({ ...backend.config, staticDir: join(root, 'dist'), logger, host, port });
  } catch (e) {
    await backend.close();
    throw e;
  }

  console.log(`\nOrrery is running on ${gateway.url}`);
  if (backend.demoToken) {
    console.log(`  Copernica API emulator: ${backend.emulatorUrl}`);
    console.log(`  Sign in with the demo access token: ${backend.demoToken}`);
    console.log('  or use "Sign in with Copernica" (the emulator\'s consent page).');
  } else {
    console.log(`  Copernica API: ${backend.config.apiUrl}${backend.config.oauth ? ' (Sign in with Copernica enabled)' : ''}`);
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    setTimeout(() => process.exit(1), 5000).unref();
    void Promise.allSettled([gateway.close(), backend.close()]).then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? `Configuration error: ${e.message}` : e);
  process.exit(1);
});
