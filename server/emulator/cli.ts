// `npm run emulator -- --port 8787 --db .data/emulator.sqlite [--profiles 5000] [--token T] [--seed 42] [--seed-time ISO]
//                      [--oauth-client id:secret:redirect_uri[:name]]... [--log]`
import { parseArgs } from 'node:util';
import type { OAuthClient } from './core/context.ts';
import { DEFAULT_PROFILES, DEFAULT_TOKEN, startEmulator } from './index.ts';

function fail(message: string): never {
  console.error(`emulator: ${message}`);
  process.exit(2);
}

function intOption(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) fail(`--${name} must be a non-negative integer, got "${raw}"`);
  return Number(raw);
}

/** `id:secret:redirect_uri[:name]`; the redirect URI itself contains colons, so split from both ends. */
function parseOAuthClient(spec: string): OAuthClient {
  const first = spec.indexOf(':');
  const second = spec.indexOf(':', first + 1);
  if (first <= 0 || second <= first + 1) fail(`--oauth-client must look like id:secret:redirect_uri, got "${spec}"`);
  const clientId = spec.slice(0, first);
  const clientSecret = spec.slice(first + 1, second);
  let redirectUri = spec.slice(second + 1);
  let name = clientId;
  const named = /^(.*?):([^:/]+)$/.exec(redirectUri);
  if (named && /^https?:\/\/[^/]+\//.test(named[1] as string)) {
    redirectUri = named[1] as string;
    name = named[2] as string;
  }
  if (!/^https?:\/\//.test(redirectUri)) fail(`the redirect_uri of --oauth-client must be an http(s) URL, got "${redirectUri}"`);
  return { clientId, clientSecret, redirectUri, name };
}

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    db: { type: 'string' },
    profiles: { type: 'string' },
    token: { type: 'string' },
    seed: { type: 'string' },
    'seed-time': { type: 'string' },
    'oauth-client': { type: 'string', multiple: true },
    log: { type: 'boolean' },
  },
  strict: true,
});

const env = process.env;
const oauthClients = (values['oauth-client'] ?? []).map(parseOAuthClient);
if (env.EMULATOR_OAUTH_CLIENT_ID && env.EMULATOR_OAUTH_CLIENT_SECRET && env.EMULATOR_OAUTH_REDIRECT_URI) {
  oauthClients.push({
    clientId: env.EMULATOR_OAUTH_CLIENT_ID,
    clientSecret: env.EMULATOR_OAUTH_CLIENT_SECRET,
    redirectUri: env.EMULATOR_OAUTH_REDIRECT_URI,
    name: env.EMULATOR_OAUTH_CLIENT_NAME ?? 'Orrery',
  });
}

/** `--seed-time 2026-11-28T12:00:00Z`: generate a new demo as of that moment (reproducible demo data). */
function seedTimeOption(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const t = new Date(value);
  if (Number.isNaN(t.getTime())) fail(`--seed-time: not a date: ${value}`);
  return t;
}

const dbPath = values.db ?? env.EMULATOR_DB ?? '.data/emulator.sqlite';
const started = performance.now();
const emulator = await startEmulator({
  host: values.host ?? env.EMULATOR_HOST ?? '127.0.0.1',
  port: intOption('port', values.port ?? env.EMULATOR_PORT, 8787),
  dbPath,
  profiles: intOption('profiles', values.profiles ?? env.EMULATOR_PROFILES, DEFAULT_PROFILES),
  token: values.token ?? env.EMULATOR_TOKEN ?? DEFAULT_TOKEN,
  seed: intOption('seed', values.seed ?? env.EMULATOR_SEED, 42),
  seedTime: seedTimeOption(values['seed-time'] ?? env.EMULATOR_SEED_TIME),
  oauthClients,
  log: values.log ?? false,
}).catch((err: Error) => fail(err.message));

console.log(
  `Copernica REST API v3 emulator listening on ${emulator.url}/v3/ (database ${dbPath}, ready in ${Math.round(performance.now() - started)} ms)`,
);
console.log(`access token: ${emulator.token}`);
console.log(`try: curl '${emulator.url}/v3/databases?access_token=${emulator.token}'`);
for (const client of oauthClients) console.log(`OAuth client "${client.name}" (${client.clientId}) → ${client.redirectUri}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
