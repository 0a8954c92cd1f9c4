import type { Context } from 'hono';
import type { EmulatorEnv, Query } from './context.ts';

// Every error of the API is HTTP 400 with exactly one key: {"error":{"message":"…"}} (docs/api/conventions.md §5).
export class ApiError extends Error {}

export const MESSAGES = {
  token: 'Invalid access token',
  method: 'Invalid method',
  noDatabase: 'No database with supplied ID',
  noCollection: 'No collection with given ID',
  noProfile: 'No entity with supplied ID',
  noSubprofile: 'No subprofile with supplied ID',
  noField: 'No field with supplied ID',
  noInterest: 'No interest with supplied ID',
  noWebhook: 'No webhook with supplied ID',
  invalidData: 'Invalid data provided',
  fieldsRequired: 'URL parameter fields is required',
  subprofileNotCreated: 'Subprofile could not be created',
  profileRemoved: 'This profile has already been removed',
  subprofileRemoved: 'This subprofile has already been removed',
} as const;

export const missingElement = (n: number) => new ApiError(`Invalid request, element ${n} is missing in 'directory' path`);

/** The body is `application/json` exactly: the official PHP helper compares the header verbatim (docs/api/conventions.md §4). */
export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function errorResponse(message: string): Response {
  return json({ error: { message } }, 400);
}

export function baseUrl(c: Context<EmulatorEnv>): string {
  return c.get('ctx').baseUrl ?? new URL(c.req.url).origin;
}

/** 201 + X-Created + X-location + Location (restv3/rest-requests.md). */
export function created(c: Context<EmulatorEnv>, entityPath: string, id: number): Response {
  const location = `${baseUrl(c)}/v3/${entityPath}/${id}`;
  return new Response(null, { status: 201, headers: { 'X-Created': String(id), 'X-location': location, Location: location } });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

/** 204 + `X-deleted: <type> <id>` (docs/api/conventions.md §4). */
export function deleted(type: string, id: number): Response {
  return new Response(null, { status: 204, headers: { 'X-deleted': `${type} ${id}` } });
}

// ---------------------------------------------------------------------------------------------
// Query string: we parse it ourselves because the API accepts arrays as `a[]=x`, `a[0]=x` and the
// percent-encoded `a%5B0%5D=x` alike (docs/api/conventions.md §3), and broken encodings must not throw.

function safeDecode(s: string): string {
  const plus = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(plus);
  } catch {
    // Decode what can be decoded, keep broken escapes literally.
    return plus.replace(/(%[0-9a-fA-F]{2})+/g, (m) => {
      try {
        return decodeURIComponent(m);
      } catch {
        return m;
      }
    });
  }
}

export function parseQuery(url: string): Query {
  const scalars = new Map<string, string>();
  const arrays = new Map<string, string[]>();
  const q = url.indexOf('?');
  if (q >= 0) {
    const hash = url.indexOf('#', q);
    const search = url.slice(q + 1, hash >= 0 ? hash : undefined);
    for (const pair of search.split('&')) {
      if (!pair) continue;
      const eq = pair.indexOf('=');
      const name = safeDecode(eq >= 0 ? pair.slice(0, eq) : pair);
      const value = eq >= 0 ? safeDecode(pair.slice(eq + 1)) : '';
      const m = /^([^[\]]+)\[([^\]]*)\]$/.exec(name);
      if (m) {
        const base = m[1] as string;
        const list = arrays.get(base) ?? [];
        list.push(value);
        arrays.set(base, list);
      } else {
        scalars.set(name, value);
      }
    }
  }
  return {
    get: (name) => scalars.get(name),
    list: (name) => arrays.get(name),
    has: (name) => scalars.has(name) || arrays.has(name),
  };
}

/** PHP-like integer prefix parse: "12x" → 12, "x" → 0 (docs/api/conventions.md §6.2). */
export function intPrefix(s: string | undefined): number {
  if (s === undefined) return 0;
  const m = /^\s*([+-]?\d+)/.exec(s);
  if (!m) return 0;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) ? n : n > 0 ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER;
}

/** `true`/`yes` (any case), numbers with |n| ≥ 1 and arrays are true; everything else false (docs/api/conventions.md §6.2). */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return true;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return Math.abs(value) >= 1;
  if (typeof value !== 'string') return false;
  const lower = value.toLowerCase();
  if (lower === 'true' || lower === 'yes') return true;
  const n = Number.parseFloat(value);
  return Number.isFinite(n) && Math.abs(n) >= 1;
}

export function queryFlag(query: Query, name: string, fallback: boolean): boolean {
  const list = query.list(name);
  if (list) return true;
  const v = query.get(name);
  return v === undefined ? fallback : truthy(v);
}

// ---------------------------------------------------------------------------------------------
// Paging (docs/api/conventions.md §6)

export const MAX_LIMIT = 1000;

export interface Paging {
  start: number;
  limit: number;
  total: boolean;
  /** False when start < 0 or limit ≤ 0: the page is empty by definition. */
  fetch: boolean;
}

export function parsePaging(query: Query, defaultLimit = 100): Paging {
  const startRaw = query.get('start');
  const limitRaw = query.get('limit');
  const start = startRaw === undefined ? 0 : intPrefix(startRaw);
  let limit = limitRaw === undefined ? defaultLimit : intPrefix(limitRaw);
  if (limit > MAX_LIMIT) limit = MAX_LIMIT;
  return { start, limit, total: queryFlag(query, 'total', true), fetch: start >= 0 && limit > 0 };
}

/** The list wrapper with its fixed key order: start, limit, count, data, total. */
export function pageOf<T>(paging: Paging, data: T[], total: number | (() => number)): Record<string, unknown> {
  const out: Record<string, unknown> = { start: paging.start, limit: paging.limit, count: data.length, data };
  if (paging.total) out.total = typeof total === 'function' ? total() : total;
  return out;
}

/** Page over an in-memory list (small lists: databases, fields, interests, collections). */
export function pageArray<T>(paging: Paging, items: T[]): Record<string, unknown> {
  const data = paging.fetch ? items.slice(paging.start, paging.start + paging.limit) : [];
  return pageOf(paging, data, items.length);
}

// ---------------------------------------------------------------------------------------------
// Request bodies: JSON or form encoding with bracket keys (docs/api/conventions.md §3), capped in size.

export const MAX_BODY_BYTES = 10 * 1024 * 1024;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_FORM_DEPTH = 8;

export type Body = unknown;

async function readText(req: Request): Promise<string> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw new ApiError('Request body too large (the limit is 10 MB)');
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new ApiError('Request body too large (the limit is 10 MB)');
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new ApiError('Request body is not valid UTF-8');
  }
}

/** Parse `a[b][]=1&a[c]=2` into nested objects/arrays, the PHP way. */
export function parseForm(text: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const name = safeDecode(eq >= 0 ? pair.slice(0, eq) : pair);
    const value = eq >= 0 ? safeDecode(pair.slice(eq + 1)) : '';
    const m = /^([^[]+)((?:\[[^\]]*\])*)$/.exec(name);
    const base = m ? (m[1] as string) : name;
    const keys = m?.[2] ? [...m[2].matchAll(/\[([^\]]*)\]/g)].map((k) => k[1] as string) : [];
    if (FORBIDDEN_KEYS.has(base) || keys.some((k) => FORBIDDEN_KEYS.has(k)) || keys.length > MAX_FORM_DEPTH) continue;
    // Walk down, creating containers: `[]` appends to an array, `[x]` descends into an object.
    let parent = root as Record<string, unknown>;
    let key = base;
    for (const k of keys) {
      let child = parent[key];
      if (k === '') {
        if (!Array.isArray(child)) parent[key] = child = [];
        parent = child as Record<string, unknown>;
        key = String((child as unknown[]).length);
      } else {
        if (typeof child !== 'object' || child === null) parent[key] = child = {};
        parent = child as Record<string, unknown>;
        key = k;
      }
    }
    parent[key] = value;
  }
  return root;
}

/** Read and parse the request body; `undefined` when there is none. Throws ApiError on bad input. */
export async function readBody(c: Context<EmulatorEnv>): Promise<Body> {
  const text = await readText(c.req.raw);
  if (text.trim() === '') return undefined;
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  const looksJson = /^\s*[[{"]/.test(text);
  if (type.includes('json') || (!type.includes('form-urlencoded') && looksJson)) {
    try {
      return JSON.parse(text);
    } catch {
      throw new ApiError('Invalid JSON in request body');
    }
  }
  return parseForm(text);
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Body as an object (arrays and scalars count as "no properties"). */
export async function readObjectBody(c: Context<EmulatorEnv>): Promise<Record<string, unknown>> {
  const body = await readBody(c);
  return isObject(body) ? body : {};
}

/** Route parameter as a positive integer ID, or undefined. */
export function parseId(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^\d{1,15}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n > 0 ? n : undefined;
}
