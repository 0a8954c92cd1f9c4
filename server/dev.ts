// `npm run dev`: emulator + gateway (API and auth only) + the Vite dev server on 5173, in one process.
// Vite proxies /api and /auth to the gateway (vite.config.ts), so the browser's origin is Vite's.
import { resolve } from 'node:path';
import { createServer } from 'vite';
import { ConfigError } from './gateway/config.ts';
import { startGateway } from './gateway/index.ts';
import { createLogger, parseLogLevel } from './gateway/log.ts';
import { startBackend } from './shared/embedded.ts';
import { portFromEnv } from './shared/ports.ts';

const VITE_ORIGIN = 'http://127.0.0.1:5173';

async function main() {
  const env = process.env;
  const logger = createLogger(parseLogLevel(env.ORRERY_LOG));
  const backend = await startBackend(env, env.PUBLIC_URL || VITE_ORIGIN, logger);
  const gateway = await startGateway({ ...backend.config, logger, port: portFromEnv(env.PORT, 8080, 'PORT') });
  process.env.ORRERY_GATEWAY_URL = gateway.url; // vite.config.ts proxies /api and /auth there
  const vite = await createServer({ configFile: resolve(import.meta.dirname, '../vite.config.ts') });
  await vite.listen();
  vite.printUrls();
  console.log(`  Gateway: ${gateway.url}`);
  if (backend.demoToken) console.log(`  Emulator: ${backend.emulatorUrl}  demo access token: ${backend.demoToken}`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 5000).unref();
    void Promise.allSettled([vite.close(), gateway.close(), backend.close()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? `Configuration error: ${e.message}` : e);
  process.exit(1);
});
