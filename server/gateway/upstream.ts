// Server-to-server calls the gateway makes on its own behalf: identity checks and the OAuth code exchange.
export const INVALID_TOKEN = 'Invalid access token';

export type UpstreamResult<T> = { ok: true; value: T } | { ok: false; kind: 'rejected' | 'unavailable'; status?: number; message?: string };

export async function getJson(
  url: string,
  timeoutMs: number,
): Promise<{ status: number; body: unknown } | { error: 'timeout' | 'network' }> {
  try {
    const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
    const text = await res.text();
    const body = jsonOrUndefined(text);
    return { status: res.status, body };
  } catch (e) {
    return { error: (e as Error).name === 'TimeoutError' ? 'timeout' : 'network' };
  }
}

export function errorMessage(body: unknown): string | undefined {
  const message = (body as { error?: { message?: unknown } } | undefined)?.error?.message;
  return typeof message === 'string' ? message : undefined;
}

/** GET /v3/identity: the account a token belongs to; `rejected` when Copernica does not accept the token. */
export async function fetchIdentity(apiUrl: string, token: string, timeoutMs: number): Promise<UpstreamResult<Record<string, unknown>>> {
  const res = await getJson(`${apiUrl}/v3/identity?access_token=${encodeURIComponent(token)}`, timeoutMs);
  if ('error' in res) return { ok: false, kind: 'unavailable', message: res.error };
  if (res.status === 200 && res.body && typeof res.body === 'object' && !Array.isArray(res.body)) {
    return { ok: true, value: res.body as Record<string, unknown> };
  }
  if (res.status === 400 || res.status === 401 || res.status === 403)
    return { ok: false, kind: 'rejected', status: res.status, message: errorMessage(res.body) };
  return { ok: false, kind: 'unavailable', status: res.status };
}

/** The JSON in an upstream answer's text, or undefined when it is empty or not JSON. */
export function jsonOrUndefined(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
