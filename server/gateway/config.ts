import { portFromEnv } from '../shared/ports.ts';
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
  /**
   * Believe X-Forwarded-Proto/-Host/-For from reverse proxies: true = one proxy in front, a number = that
   * many proxies in a chain (the client address is the hop the outermost proxy saw).
   */
  trustProxy?: boolean | number;
  /** redis:// or rediss:// URL: revocations, spent OAuth states and rate limits shared by every instance. */
  redisUrl?: string;
  /** Prometheus metrics on a separate listener (`/metrics`); host defaults to 127.0.0.1. */
  metrics?: { port: number; host?: string };
  /** Folder with the built SPA (dist/); absent = API and auth only (dev mode). */
  staticDir?: string;
  sessionTtlMs?: number;
  /** /api calls per session; false turns it off. Default 50/s, burst 200. */
  rateLimit?: { perSecond: number; burst: number } | false;
  /** Sign-in attempts (/auth/token, /auth/login, /auth/callback) per client address. Default 10/min, burst 20. */
  authRateLimit?: { perMinute: number; burst: number } | false;
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
  if (config.redisUrl && !/^rediss?:\/\//.test(config.redisUrl)) throw new ConfigError('REDIS_URL must be a redis:// or rediss:// URL');
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
    trustProxy: trustProxyFromEnv(env.TRUST_PROXY) ?? embedded?.trustProxy,
    redisUrl: env.REDIS_URL || embedded?.redisUrl,
    metrics: env.METRICS_PORT
      ? { port: portFromEnv(env.METRICS_PORT, 0, 'METRICS_PORT'), host: env.METRICS_HOST || undefined }
      : embedded?.metrics,
    authRateLimit: authRateLimitFromEnv(env.AUTH_RATE_LIMIT) ?? embedded?.authRateLimit,
  });
}

/** TRUST_PROXY: 1/true = one reverse proxy in front; 2, 3… = a chain of that many (CDN + load balancer). */
function trustProxyFromEnv(value: string | undefined): boolean | number | undefined {
  if (!value) return undefined;
  if (value === 'true') return true;
  if (/^[1-9]$/.test(value)) return Number(value) === 1 ? true : Number(value);
  if (value === '0' || value === 'false') return false;
  throw new ConfigError(`TRUST_PROXY must be 1 (one proxy in front), a small number of proxies, or 0; got ${value}`);
}

/** AUTH_RATE_LIMIT: `<per minute>` or `<per minute>,<burst>` sign-in attempts per client address, or `off`. */
function authRateLimitFromEnv(value: string | undefined): GatewayConfig['authRateLimit'] {
  if (!value) return undefined;
  if (value === 'off') return false;
  const match = /^(\d+)(?:,(\d+))?$/.exec(value);
  const perMinute = Number(match?.[1]);
  const burst = Number(match?.[2] ?? perMinute * 2);
  if (!match || perMinute < 1 || burst < perMinute)
    throw new ConfigError(`AUTH_RATE_LIMIT must be "<per minute>[,<burst>]" or "off"; got ${value}`);
  return { perMinute, burst };
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
