import type { MiddlewareHandler } from 'hono';
import type { GatewayConfig } from './config.ts';
import { type Env, isHttps } from './context.ts';

/**
 * Content-Security-Policy for everything the gateway serves.
 * - No inline script anywhere: the SPA is bundled; error pages have no script.
 * - style-src allows 'unsafe-inline' because Mantine injects <style> elements and style attributes.
 * - The emailing snapshot is shown in `<iframe sandbox srcdoc=…>`. A srcdoc document inherits this policy,
 *   so email HTML may use inline styles and data: images, but remote images (tracking pixels) are blocked
 *   and, with a sandbox without allow-scripts plus script-src 'self', no email script can run.
 * - form-action also names Copernica's authorize origin: a sign-in form may end in a redirect there.
 */
export function contentSecurityPolicy(config: GatewayConfig): string {
  const formAction = ["'self'"];
  if (config.oauth) formAction.push(new URL(config.oauth.authorizeUrl).origin);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    `form-action ${formAction.join(' ')}`,
  ].join('; ');
}

export function securityHeaders(config: GatewayConfig): MiddlewareHandler<Env> {
  const csp = contentSecurityPolicy(config);
  return async (c, next) => {
    await next();
    applySecurityHeaders(c.res.headers, csp, isHttps(c, config));
  };
}

export function applySecurityHeaders(headers: Headers, csp: string, https: boolean): void {
  headers.set('Content-Security-Policy', csp);
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Referrer-Policy', 'no-referrer');
  headers.set('X-Frame-Options', 'DENY');
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  if (https) headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
}
