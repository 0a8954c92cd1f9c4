// Delivery of webhook events (docs/api/databases.md §8): after a write commits, every matching webhook gets one HTTP
// POST, form-encoded with bracket keys, with Digest / X-Copernica-ID / Date headers. Only loopback targets
// are called (the emulator must never reach out to the internet); delivery never blocks the API call.
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';

export type Trigger = 'create' | 'update' | 'delete';

export interface WebhookRow {
  id: number;
  handler: string;
  trigger: string;
  callers: string;
  database_id: number | null;
  collection_id: number | null;
  created: string;
}

export interface Delivery {
  webhook: number;
  trigger: Trigger;
  url: string;
  at: string;
  /** HTTP status of the handler, or an explanation (`skipped: …`, `failed: …`). */
  result: string;
}

interface Pending {
  webhook: WebhookRow;
  trigger: Trigger;
  payload: Record<string, unknown>;
}

const ACCOUNT_ID = 812;
const TIMEOUT_MS = 5000;
const MAX_LOG = 500;

export function isLoopback(handler: string): boolean {
  try {
    const url = new URL(handler);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
  } catch {
    return false;
  }
}

/** `{a:{b:1}, c:[x,y]}` → `a[b]=1&c[]=x&c[]=y`, the encoding of the webhook documentation. */
export function formEncode(data: Record<string, unknown>): string {
  const parts: string[] = [];
  const walk = (prefix: string, v: unknown) => {
    if (Array.isArray(v)) for (const item of v) walk(`${prefix}[]`, item);
    else if (typeof v === 'object' && v !== null) for (const [k, item] of Object.entries(v)) walk(`${prefix}[${k}]`, item);
    else parts.push(`${encodeURIComponent(prefix)}=${encodeURIComponent(v === null || v === undefined ? '' : String(v))}`);
  };
  for (const [k, v] of Object.entries(data)) walk(k, v);
  return parts.join('&');
}

export class WebhookDispatcher {
  private hooks: WebhookRow[] | undefined;
  private pending: Pending[] = [];
  readonly log: Delivery[] = [];
  private inflight = new Set<Promise<void>>();

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  /** Call after any change to the `webhooks` table. */
  invalidate(): void {
    this.hooks = undefined;
  }

  private matching(trigger: Trigger, databaseId: number, collectionId: number | null): WebhookRow[] {
    this.hooks ??= this.db.prepare('SELECT * FROM webhooks ORDER BY id').all() as WebhookRow[];
    return this.hooks.filter(
      (h) =>
        h.trigger === trigger &&
        (h.database_id === null || h.database_id === databaseId) &&
        (h.collection_id === null || h.collection_id === collectionId),
    );
  }

  /** Cheap check so callers build payloads only when someone listens. */
  wants(trigger: Trigger, databaseId: number, collectionId: number | null = null): boolean {
    return this.matching(trigger, databaseId, collectionId).length > 0;
  }

  /** Queue an event; it is sent by flush() once the transaction has committed. */
  emit(trigger: Trigger, databaseId: number, collectionId: number | null, payload: Record<string, unknown>): void {
    for (const webhook of this.matching(trigger, databaseId, collectionId)) this.pending.push({ webhook, trigger, payload });
  }

  discard(): void {
    this.pending = [];
  }

  flush(): void {
    const batch = this.pending;
    this.pending = [];
    for (const p of batch) {
      const task = this.deliver(p).finally(() => this.inflight.delete(task));
      this.inflight.add(task);
    }
  }

  /** Resolves when every delivery started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  private record(d: Delivery) {
    this.log.push(d);
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
  }

  private async deliver({ webhook, trigger, payload }: Pending): Promise<void> {
    const at = this.now().toISOString();
    const base = { webhook: webhook.id, trigger, url: webhook.handler, at };
    if (!isLoopback(webhook.handler)) {
      this.record({ ...base, result: 'skipped: the emulator only delivers to loopback addresses' });
      return;
    }
    const body = formEncode(payload);
    try {
      const res = await fetch(webhook.handler, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Digest: `SHA-256=${crypto.createHash('sha256').update(body).digest('base64')}`,
          'X-Copernica-ID': `account-${ACCOUNT_ID}`,
          Date: new Date().toUTCString(),
          'User-Agent': 'Copernica-Emulator-Webhooks/1.0',
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await res.arrayBuffer().catch(() => undefined);
      this.record({ ...base, result: String(res.status) });
    } catch (err) {
      this.record({ ...base, result: `failed: ${(err as Error).message}` });
    }
  }
}
