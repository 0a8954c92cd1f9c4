import { describe, expect, it } from 'vitest';
import { ConfigError, configFromEnv, DEFAULT_AUTHORIZE_URL } from './config.ts';
import { createLogger, redact } from './log.ts';
import { contentSecurityPolicy } from './security-headers.ts';
import { SECRET } from './testing/support.ts';

const embedded = { apiUrl: 'http://127.0.0.1:8787', sessionSecret: SECRET };

describe('configFromEnv', () => {
  it('reads the fleet settings: REDIS_URL, METRICS_PORT/HOST, TRUST_PROXY hops, AUTH_RATE_LIMIT', () => {
    const base = { COPERNICA_API_URL: 'https://api.copernica.com', SESSION_SECRET: SECRET };
    const config = configFromEnv({
      ...base,
      REDIS_URL: 'redis://10.0.0.5:6379',
      METRICS_PORT: '9464',
      METRICS_HOST: '0.0.0.0',
      TRUST_PROXY: '2',
      AUTH_RATE_LIMIT: '30,60',
    });
    expect(config).toMatchObject({ redisUrl: 'redis://10.0.0.5:6379', metrics: { port: 9464, host: '0.0.0.0' }, trustProxy: 2 });
    expect(config.authRateLimit).toEqual({ perMinute: 30, burst: 60 });
    const plain = configFromEnv(base);
    expect(plain.redisUrl).toBeUndefined(); // nothing new needed: state stays in the process
    expect(plain.metrics).toBeUndefined();
    expect(plain.trustProxy).toBeUndefined();
    expect(configFromEnv({ ...base, TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(configFromEnv({ ...base, AUTH_RATE_LIMIT: 'off' }).authRateLimit).toBe(false);
    expect(configFromEnv({ ...base, AUTH_RATE_LIMIT: '5' }).authRateLimit).toEqual({ perMinute: 5, burst: 10 });
    expect(() => configFromEnv({ ...base, REDIS_URL: 'http://10.0.0.5' })).toThrow(/REDIS_URL/);
    expect(() => configFromEnv({ ...base, TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
    expect(() => configFromEnv({ ...base, AUTH_RATE_LIMIT: 'lots' })).toThrow(/AUTH_RATE_LIMIT/);
    expect(() => configFromEnv({ ...base, METRICS_PORT: 'x' })).toThrow(/METRICS_PORT/);
  });

  it('refuses to run against a real API without SESSION_SECRET', () => {
    expect(() => configFromEnv({ COPERNICA_API_URL: 'https://api.copernica.com' }, embedded)).toThrow(ConfigError);
    expect(() => configFromEnv({ COPERNICA_API_URL: 'https://api.copernica.com', SESSION_SECRET: 'short' })).toThrow(/32/);
  });

  it('turns OAuth off without the trio, and refuses half a trio', () => {
    const config = configFromEnv({ COPERNICA_API_URL: 'https://api.copernica.com/', SESSION_SECRET: SECRET });
    expect(config.apiUrl).toBe('https://api.copernica.com');
    expect(config.oauth).toBeUndefined();
    expect(() => configFromEnv({ COPERNICA_API_URL: 'https://api.copernica.com', SESSION_SECRET: SECRET, OAUTH_CLIENT_ID: 'x' })).toThrow(
      /OAUTH/,
    );
  });

  it('reads the OAuth trio and defaults the authorize URL to copernica.com', () => {
    const config = configFromEnv({
      COPERNICA_API_URL: 'https://api.copernica.com',
      SESSION_SECRET: SECRET,
      OAUTH_CLIENT_ID: 'id',
      OAUTH_CLIENT_SECRET: 'secret',
      OAUTH_REDIRECT_URI: 'https://orrery.example.com/auth/callback',
      PUBLIC_URL: 'https://orrery.example.com/',
      TRUST_PROXY: '1',
    });
    expect(config.oauth).toEqual({
      clientId: 'id',
      clientSecret: 'secret',
      redirectUri: 'https://orrery.example.com/auth/callback',
      authorizeUrl: DEFAULT_AUTHORIZE_URL,
    });
    expect(config.publicUrl).toBe('https://orrery.example.com');
    expect(config.trustProxy).toBe(true);
    expect(contentSecurityPolicy(config)).toContain("form-action 'self' https://www.copernica.com");
  });

  it('uses the embedded emulator when COPERNICA_API_URL is unset', () => {
    expect(configFromEnv({}, embedded)).toMatchObject({ apiUrl: 'http://127.0.0.1:8787', sessionSecret: SECRET });
    expect(() => configFromEnv({ COPERNICA_API_URL: 'ftp://x' }, embedded)).toThrow(ConfigError);
    expect(() => configFromEnv({ COPERNICA_API_URL: 'https://user:pw@api.copernica.com', SESSION_SECRET: SECRET })).toThrow(/credentials/);
  });
});

describe('logs', () => {
  it('redact query-string secrets and cookies', () => {
    const text = redact('GET https://api/v3/x?access_token=abc123&limit=5 code=XYZ state=s1 client_secret=cs orrery_session=COOKIE');
    expect(text).not.toMatch(/abc123|XYZ|s1|cs\b|COOKIE/);
    expect(text).toContain('limit=5');
  });

  it('drop sensitive fields and respect the level', () => {
    const lines: string[] = [];
    const log = createLogger('info', (l) => lines.push(l));
    log.debug('hidden');
    log.info('hello', {
      token: 'tok',
      accessToken: 'tok2',
      path: '/v3/x?access_token=tok3',
      error: new Error('at url ?access_token=tok4'),
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/tok\d?"|tok[234]/);
    const quiet: string[] = [];
    const q = createLogger('quiet', (l) => quiet.push(l));
    q.info('x');
    q.warn('y');
    q.error('z');
    expect(quiet).toHaveLength(1);
  });
});
