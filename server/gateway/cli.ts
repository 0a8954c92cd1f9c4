// `npm run gateway`: the gateway alone, configured by the environment (see server/gateway/README.md):
// COPERNICA_API_URL (unset: a local emulator on EMULATOR_PORT), SESSION_SECRET, OAUTH_CLIENT_ID,
// OAUTH_CLIENT_SECRET, OAUTH_REDIRECT_URI, COPERNICA_AUTHORIZE_URL, PUBLIC_URL, TRUST_PROXY, REDIS_URL,
// METRICS_PORT, METRICS_HOST, AUTH_RATE_LIMIT, PORT, HOST, STATIC_DIR, ORRERY_LOG=quiet|info|debug.
import { resolve } from 'node:path';
import { portFromEnv } from '../shared/ports.ts';
import { persistentSecret } from '../shared/secrets.ts';
import { ConfigError, configFromEnv } from './config.ts';
import { startGateway } from './index.ts';
import { createLogger, parseLogLevel } from './log.ts';

async function main() {
  const env = process.env;
  const logger = createLogger(parseLogLevel(env.ORRERY_LOG));
  const local = !env.COPERNICA_API_URL;
  const config = configFromEnv(
    env,
    local
      ? {
          apiUrl: `http://127.0.0.1:${portFromEnv(env.EMULATOR_PORT, 8787, 'EMULATOR_PORT')}`,
          sessionSecret: env.SESSION_SECRET ?? persistentSecret(resolve('.data/session-secret')),
        }
      : undefined,
  );
  const gateway = await startGateway({
    ...config,
    staticDir: env.STATIC_DIR ? resolve(env.STATIC_DIR) : undefined,
    logger,
    host: env.HOST || '127.0.0.1',
    port: portFromEnv(env.PORT, 8080, 'PORT'),
  });
  console.log(`Orrery gateway on ${gateway.url} → ${config.apiUrl}${config.oauth ? ' (Sign in with Copernica enabled)' : ''}`);
  const stop = () => {
    void gateway.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? `Configuration error: ${e.message}` : e);
  process.exit(1);
});
