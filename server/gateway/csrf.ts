import type { MiddlewareHandler } from 'hono';
import type { GatewayConfig } from './config.ts';
import { type Env, ownOrigins } from './context.ts';
import { jsonError } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses cross-site requests to /auth and /api. State-changing requests must carry the SPA's
 * `X-Requested-With: orrery` (a custom header a cross-site form or <img> cannot add without a CORS
 * preflight, which we never grant), and must not come from another origin by Origin or Sec-Fetch-Site.
 * Safe requests are only refused when the browser says they are cross-site.
 */
export function csrfGuard(config: GatewayConfig): MiddlewareHandler<Env> {
  return async (c, next) => {
    const site = c.req.header('sec-fetch-site');
    const crossSite = site !== undefined && site !== 'same-origin' && site !== 'none';
    if (SAFE_METHODS.has(c.req.method)) {
      // another site's page reading our API with fetch/<script>/<img>; links (navigations) stay allowed
      if (site === 'cross-site' && c.req.header('sec-fetch-mode') !== 'navigate') return jsonError(403, 'Cross-site request refused');
      return next();
    }
    const origin = c.req.header('origin');
    if (crossSite || (origin !== undefined && !ownOrigins(c, config).includes(origin.toLowerCase()))) {
      return jsonError(403, 'Cross-site request refused');
    }
    if (c.req.header('x-requested-with') !== 'orrery') return jsonError(403, 'Missing X-Requested-With header');
    return next();
  };
}
