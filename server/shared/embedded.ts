// The embedded demo shared by `npm start` and `npm run dev`: the emulator on loopback plus a gateway
// configured for it, with a generated OAuth client registered on both sides.
import { resolve } from 'node:path';
import { startEmulator } from '../emulator/index.ts';
import { configFromEnv, type GatewayConfig } from '../gateway/config.ts';
import type { Logger } from '../gateway/log.ts';
import { portFromEnv } from './ports.ts';
import { persistentSecret, randomToken } from './secrets.ts';

export interface Backend {
  config: GatewayConfig;
  /** the demo access token when the embedded emulator runs */
  demoToken?: string;
  emulatorUrl?: string;
  close(): Promise<void>;
}

/**
 * COPERNICA_API_URL set: the real API (SESSION_SECRET required, OAuth from env or off).
 * Unset: start the emulator and point the gateway at it. `publicUrl` is the origin the browser uses.
 */
export async function startBackend(env: NodeJS.ProcessEnv, publicUrl: string, logger: Logger): Promise<Backend> {
  if (env.COPERNICA_API_URL) {
    return { config: configFromEnv(env), close: async () => {} };
  }
  const dbPath = env.EMULATOR_DB || resolve('.data/emulator.sqlite');
  const client = {
    clientId: env.OAUTH_CLIENT_ID || `orrery-demo-${randomToken(8)}`,
    clientSecret: env.OAUTH_CLIENT_SECRET || randomToken(32),
    redirectUri: env.OAUTH_REDIRECT_URI || `${publicUrl}/auth/callback`,
    name: 'Orrery (embedded demo)',
  };
  const emulator = await startEmulator({
    host: '127.0.0.1',
    port: portFromEnv(env.EMULATOR_PORT, 8787, 'EMULATOR_PORT'),
    dbPath,
    token: env.EMULATOR_TOKEN || undefined,
    // Only used when the database file is new: the size of the generated demo (e.g. 1000000).
    profiles: env.EMULATOR_PROFILES ? Number.parseInt(env.EMULATOR_PROFILES, 10) || undefined : undefined,
    seedTime: env.EMULATOR_SEED_TIME ? new Date(env.EMULATOR_SEED_TIME) : undefined,
    oauthClients: [client],
    log: logger.level === 'debug',
  });
  const config = configFromEnv(
    { ...env, OAUTH_CLIENT_ID: client.clientId, OAUTH_CLIENT_SECRET: client.clientSecret, OAUTH_REDIRECT_URI: client.redirectUri },
    {
      apiUrl: emulator.url,
      sessionSecret: persistentSecret(resolve('.data/session-secret')),
      oauth: { ...client, authorizeUrl: `${emulator.url}/en/authorize` },
      publicUrl: env.PUBLIC_URL || publicUrl,
    },
  );
  return { config, demoToken: emulator.token, emulatorUrl: emulator.url, close: () => emulator.close() };
}
