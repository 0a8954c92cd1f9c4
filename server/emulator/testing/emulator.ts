// Helpers for in-process emulator tests: a fresh in-memory database per call.
import { coreModule } from '../core/index.ts';
import { type OpenEmulatorOptions, openEmulator } from '../index.ts';

export const TOKEN = 'test-token';

/** Core module only by default (so core tests do not depend on other modules); pass `modules` to include more. */
export function createTestEmulator(opts: Partial<OpenEmulatorOptions> = {}) {
  const { app, ctx } = openEmulator({
    dbPath: ':memory:',
    profiles: 200,
    token: TOKEN,
    baseUrl: 'http://emulator.test',
    modules: [coreModule],
    ...opts,
  });

  const url = (path: string, query: Record<string, string | string[]> = {}, token: string | null = TOKEN) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
    if (token !== null) params.set('access_token', token);
    const qs = params.toString();
    return `/v3/${path}${qs ? `?${qs}` : ''}`;
  };

  async function call(
    method: string,
    path: string,
    opts2: { query?: Record<string, string | string[]>; body?: unknown; form?: string; token?: string | null } = {},
  ) {
    const headers: Record<string, string> = {};
    let body: string | undefined;
    if (opts2.form !== undefined) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = opts2.form;
    } else if (opts2.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = typeof opts2.body === 'string' ? opts2.body : JSON.stringify(opts2.body);
    }
    const res = await app.request(url(path, opts2.query, opts2.token === undefined ? TOKEN : opts2.token), { method, headers, body });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    // biome-ignore lint/suspicious/noExplicitAny: test convenience
    return { status: res.status, headers: res.headers, text, json: json as any };
  }

  return {
    app,
    ctx,
    db: ctx.db,
    url,
    get: (path: string, query?: Record<string, string | string[]>) => call('GET', path, { query }),
    post: (path: string, body?: unknown, query?: Record<string, string | string[]>) => call('POST', path, { body, query }),
    put: (path: string, body?: unknown, query?: Record<string, string | string[]>) => call('PUT', path, { body, query }),
    del: (path: string, body?: unknown, query?: Record<string, string | string[]>) => call('DELETE', path, { body, query }),
    call,
  };
}
