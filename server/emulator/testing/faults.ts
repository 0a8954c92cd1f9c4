// Emulator-only, test-only fault switch (never part of the Copernica API; off unless EMULATOR_FAULTS=1 or
// `startEmulator({ faults: true })`). It lets an end-to-end test make the emulator process a request and then
// lose the answer, a fault a browser-side test tool cannot produce: the row is stored, the caller never
// hears so. Control: `POST /__faults?access_token=…` with `{"method":"POST","path":"/database/7/profiles"}`
// arms one fault for the next request with that method and exact path; `DELETE /__faults` disarms all.
import type { Http2Bindings, HttpBindings } from '@hono/node-server';

/**
 * How the answer is lost after the request was processed:
 * - `cut`: the status line and headers go out, then the connection is reset before the body ends
 *   (a proxy in between sees an incomplete answer);
 * - `reset`: the connection is reset before a single byte of the answer is sent.
 */
export type FaultMode = 'cut' | 'reset';

export type FaultRule = { method: string; path: string; mode: FaultMode };

export class FaultSwitch {
  private rules: FaultRule[] = [];

  arm(rule: FaultRule): void {
    this.rules.push(rule);
  }

  clear(): void {
    this.rules = [];
  }

  get armed(): boolean {
    return this.rules.length > 0;
  }

  /** The armed rule for this request, removed so it fires once. */
  take(method: string, path: string): FaultRule | undefined {
    const i = this.rules.findIndex((r) => r.method === method && r.path === path);
    return i < 0 ? undefined : this.rules.splice(i, 1)[0];
  }
}

// The emulator serves HTTP/1.1 only; node-server's callback type also admits HTTP/2 bindings.
type Fetch = (req: Request, env: HttpBindings | Http2Bindings) => Response | Promise<Response>;
type AppFetch = (req: Request, env: never) => Response | Promise<Response>;

function parseRule(body: unknown): FaultRule | null {
  if (!body || typeof body !== 'object') return null;
  const { method, path, mode = 'cut' } = body as Record<string, unknown>;
  if (typeof method !== 'string' || typeof path !== 'string' || (mode !== 'cut' && mode !== 'reset')) return null;
  return { method: method.toUpperCase(), path: path.replace(/^\/v3(?=\/)/, '').replace(/\/+$/, ''), mode };
}

/** While a fault is armed, no connection is kept for reuse (see the control endpoint). */
function withoutKeepAlive(res: Response): Response {
  const headers = new Headers(res.headers);
  headers.set('Connection', 'close');
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

const answer = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/**
 * Wraps the emulator's fetch handler: answers the control endpoint, and for an armed request lets the app
 * process it fully, then destroys the connection as the rule says.
 */
export function withFaults(
  fetch: AppFetch,
  faults: FaultSwitch,
  {
    pathOf,
    tokenAccepted,
    closeIdleConnections,
  }: { pathOf: (req: Request) => string; tokenAccepted: (token: string | null) => boolean; closeIdleConnections: () => void },
): Fetch {
  return async (req, bindings) => {
    const env = bindings as HttpBindings;
    const path = pathOf(req);
    if (path === '/__faults') {
      if (!tokenAccepted(new URL(req.url).searchParams.get('access_token')))
        return answer(400, { error: { message: 'Invalid access token' } });
      if (req.method === 'DELETE') {
        faults.clear();
        return answer(200, { armed: 0 });
      }
      const rule = req.method === 'POST' ? parseRule(await req.json().catch(() => null)) : null;
      if (!rule) return answer(400, { error: { message: 'Expected {"method","path","mode":"cut"|"reset"}' } });
      faults.arm(rule);
      // The faulted request must arrive on a fresh connection: a reset on a reused keep-alive connection looks
      // like one the server had closed while idle, which a proxy may silently send again.
      closeIdleConnections();
      return answer(201, { armed: rule });
    }
    const rule = faults.take(req.method, path);
    const res = await fetch(req, env as never);
    if (!rule) return faults.armed ? withoutKeepAlive(res) : res;
    const socket = env.outgoing.socket;
    if (rule.mode === 'reset') {
      socket?.resetAndDestroy();
      return res;
    }
    // `cut`: promise a body that never fully arrives, then reset.
    env.outgoing.writeHead(res.status, { ...Object.fromEntries(res.headers), 'content-length': '64' });
    env.outgoing.flushHeaders();
    setTimeout(() => socket?.resetAndDestroy(), 20);
    return new Promise<Response>(() => {}); // the answer is never completed
  };
}
