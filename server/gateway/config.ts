import type { Logger } from './log.ts';

export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Absolute URL of this gateway's /auth/callback, registered with Copernica. */
  redirectUri: string;
  /** Copernica's consent page, e.g. https://www.copernica.com/en/authorize */
  authorizeUrl: string;
}

export interface GatewayConfig {
  /** Origin (optionally with a base path) of the Copernica REST API, e.g. https://api.copernica.com */
  apiUrl: string;
  /** Secret the cookie keys are derived from (≥ 32 characters). */
  sessionSecret: string;
  /** "Sign in with Copernica"; absent = only personal access tokens. */
  oauth?: OAuthConfig;
  /** Public origin of the gateway (e.g. https://orrery.example.com); https here turns on Secure cookies + HSTS. */
  publicUrl?: string;
  /** Believe X-Forwarded-Proto/-Host from a reverse proxy. */
  trustProxy?: boolean;
  /** Folder with the built SPA (dist/); absent = API and auth only (dev mode). */
  staticDir?: string;
  sessionTtlMs?: number;
  /** Token bucket per session; false turns it off. */
  rateLimit?: { perSecond: number; burst: number } | false;
  /** Time allowed until the API's response headers arrive. */
  upstreamTimeoutMs?: number;
  logger?: Logger;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const DEFAULT_AUTHORIZE_URL = 'https://www.copernica.com/en/authorize';
const MIN_SECRET_LENGTH = 32;

/** Checks a config and returns it with normalised URLs; throws ConfigError with a message for humans. */
export function validateConfig(config: GatewayConfig): GatewayConfig {
  const apiUrl = httpUrl(config.apiUrl, 'COPERNICA_API_URL').replace(/\/+$/, '');
  if (!config.sessionSecret || config.sessionSecret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`SESSION_SECRET must be set to at least ${MIN_SECRET_LENGTH} random characters`);
  }
  const publicUrl = config.publicUrl ? new URL(httpUrl(config.publicUrl, 'PUBLIC_URL')).origin : undefined;
  let oauth = config.oauth;
  if (oauth) {
    oauth = {
      ...oauth,
      redirectUri: httpUrl(oauth.redirectUri, 'OAUTH_REDIRECT_URI'),
      authorizeUrl: httpUrl(oauth.authorizeUrl, 'COPERNICA_AUTHORIZE_URL'),
    };
  }
  return { ...config, apiUrl, publicUrl, oauth };
}

/**
 * Settings from the environment. `embedded` supplies what the embedded demo provides when
 * COPERNICA_API_URL is unset (the emulator's URL, a generated secret and OAuth client).
 */
export function configFromEnv(env: NodeJS.ProcessEnv, embedded?: Partial<GatewayConfig>): GatewayConfig {
  const external = Boolean(env.COPERNICA_API_URL);
  const apiUrl = env.COPERNICA_API_URL || embedded?.apiUrl;
  if (!apiUrl) throw new ConfigError('COPERNICA_API_URL is not set');
  const sessionSecret = env.SESSION_SECRET || (external ? undefined : embedded?.sessionSecret);
  if (!sessionSecret) throw new ConfigError('SESSION_SECRET is required when COPERNICA_API_URL is set (use 32+ random characters)');

  const trio = [env.OAUTH_CLIENT_ID, env.OAUTH_CLIENT_SECRET, env.OAUTH_REDIRECT_URI];
  let oauth: OAuthConfig | undefined;
  if (trio.every(Boolean)) {
    oauth = {
      clientId: env.OAUTH_CLIENT_ID as string,
      clientSecret: env.OAUTH_CLIENT_SECRET as string,
      redirectUri: env.OAUTH_REDIRECT_URI as string,
      authorizeUrl:
        env.COPERNICA_AUTHORIZE_URL || (external ? DEFAULT_AUTHORIZE_URL : (embedded?.oauth?.authorizeUrl ?? DEFAULT_AUTHORIZE_URL)),
    };
  } else if (trio.some(Boolean)) {
    throw new ConfigError('set all of OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET and OAUTH_REDIRECT_URI, or none');
  } else if (!external) {
    oauth = embedded?.oauth;
  }

  return validateConfig({
    ...embedded,
    apiUrl,
    sessionSecret,
    oauth,
    publicUrl: env.PUBLIC_URL || embedded?.publicUrl,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true' || embedded?.trustProxy,
  });
}

function httpUrl(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a valid URL: ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${name} must be an http(s) URL`);
  if (url.username || url.password) throw new ConfigError(`${name} must not contain credentials`);
  return url.href;
}
