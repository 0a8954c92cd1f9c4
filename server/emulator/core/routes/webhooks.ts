// Webhooks: restv3/rest-post-webhooks.md, rest-get-webhook.md, rest-put-webhook.md, rest-delete-webhook.md.
// EMULATOR EXTENSIONS (not in the Copernica API): GET webhooks (list, paging, ?database= / ?collection=)
// and GET webhook/$id/deliveries (the log of what the emulator POSTed to the handler).
import type { Context } from 'hono';
import type { EmulatorApp, EmulatorContext, EmulatorEnv } from '../context.ts';
import { ApiError, created, deleted, intPrefix, json, MESSAGES, noContent, pageOf, parseId, parsePaging, readObjectBody } from '../http.ts';
import { findCollection, findDatabase } from '../model.ts';
import { inTransaction } from '../records.ts';
import { formatTimestamp } from '../time.ts';
import { phpString } from '../values.ts';
import type { WebhookRow } from '../webhook-dispatch.ts';

const TRIGGERS = ['create', 'update', 'delete', 'click', 'delivery', 'open', 'bounce', 'failure'];
const CALLERS = ['ms', 'publisher'];
const invalid = (why: string) => new ApiError(`${MESSAGES.invalidData}: ${why}`);

function webhookJson(w: WebhookRow) {
  return {
    ID: String(w.id),
    handler: w.handler,
    trigger: w.trigger,
    callers: JSON.parse(w.callers) as string[],
    // Not in the documented output; emitted as the digest recommends (null when unset).
    database: w.database_id === null ? null : String(w.database_id),
    collection: w.collection_id === null ? null : String(w.collection_id),
  };
}

function findWebhook(c: Context<EmulatorEnv>): WebhookRow {
  const id = parseId(c.req.param('webhook'));
  const row = id ? (c.get('ctx').db.prepare('SELECT * FROM webhooks WHERE id = ?').get(id) as WebhookRow | undefined) : undefined;
  if (!row) throw new ApiError(MESSAGES.noWebhook);
  return row;
}

/** Validate a body on top of the current values (for PUT) or the defaults (for POST). */
function webhookValues(ctx: EmulatorContext, body: Record<string, unknown>, current?: WebhookRow) {
  const handler = body.handler === undefined && current ? current.handler : phpString(body.handler);
  let url: URL | undefined;
  try {
    url = new URL(handler);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || handler.length > 2048)
    throw invalid('handler must be an http(s) URL');
  const trigger = body.trigger === undefined && current ? current.trigger : phpString(body.trigger);
  if (!TRIGGERS.includes(trigger)) throw invalid(`trigger must be one of ${TRIGGERS.join(', ')}`);
  let callers = current ? (JSON.parse(current.callers) as string[]) : CALLERS;
  if (body.callers !== undefined) {
    const list = Array.isArray(body.callers)
      ? body.callers
      : typeof body.callers === 'object' && body.callers
        ? Object.values(body.callers)
        : [body.callers];
    if (list.some((x) => typeof x !== 'string' || !CALLERS.includes(x))) throw invalid('callers is a list of "ms" and "publisher"');
    callers = CALLERS.filter((x) => list.includes(x));
  }
  const idOf = (v: unknown) => (v === undefined || v === null || v === '' ? null : typeof v === 'number' ? v : intPrefix(phpString(v)));
  let databaseId = body.database === undefined ? (current?.database_id ?? null) : idOf(body.database);
  const collectionId = body.collection === undefined ? (current?.collection_id ?? null) : idOf(body.collection);
  if (databaseId !== null && !findDatabase(ctx.db, String(databaseId))) throw new ApiError(MESSAGES.noDatabase);
  if (collectionId !== null) {
    const collection = findCollection(ctx.db, String(collectionId));
    if (!collection) throw new ApiError(MESSAGES.noCollection);
    if (databaseId !== null && collection.database_id !== databaseId) throw invalid('the collection is not part of the database');
    databaseId = collection.database_id;
  }
  return { handler, trigger, callers: JSON.stringify(callers), databaseId, collectionId };
}

export function registerWebhookRoutes(app: EmulatorApp): void {
  app.post('/webhooks', async (c) => {
    const ctx = c.get('ctx');
    const body = await readObjectBody(c);
    const v = webhookValues(ctx, body);
    const id = inTransaction(ctx, () =>
      Number(
        ctx.db
          .prepare('INSERT INTO webhooks (handler, trigger, callers, database_id, collection_id, created) VALUES (?, ?, ?, ?, ?, ?)')
          .run(v.handler, v.trigger, v.callers, v.databaseId, v.collectionId, formatTimestamp(ctx.now())).lastInsertRowid,
      ),
    );
    ctx.webhooks.invalidate();
    return created(c, 'webhook', id);
  });

  // Emulator extension: the API documents no list call (docs/api/databases.md §8, "Listing gap").
  app.get('/webhooks', (c) => {
    const { db } = c.get('ctx');
    const query = c.get('query');
    const where: string[] = [];
    const params: number[] = [];
    for (const [key, column] of [
      ['database', 'database_id'],
      ['collection', 'collection_id'],
    ] as const) {
      const v = query.get(key);
      if (v !== undefined) {
        where.push(`${column} = ?`);
        params.push(intPrefix(v));
      }
    }
    const rows = db
      .prepare(`SELECT * FROM webhooks ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`)
      .all(...params) as WebhookRow[];
    const paging = parsePaging(query);
    const data = paging.fetch ? rows.slice(paging.start, paging.start + paging.limit).map(webhookJson) : [];
    return json(pageOf(paging, data, rows.length));
  });

  app.get('/webhook/:webhook', (c) => json(webhookJson(findWebhook(c))));

  app.on(['PUT', 'POST'], '/webhook/:webhook', async (c) => {
    const ctx = c.get('ctx');
    const current = findWebhook(c);
    const body = await readObjectBody(c);
    const v = webhookValues(ctx, body, current);
    inTransaction(ctx, () =>
      ctx.db
        .prepare('UPDATE webhooks SET handler = ?, trigger = ?, callers = ?, database_id = ?, collection_id = ? WHERE id = ?')
        .run(v.handler, v.trigger, v.callers, v.databaseId, v.collectionId, current.id),
    );
    ctx.webhooks.invalidate();
    return noContent();
  });

  app.delete('/webhook/:webhook', (c) => {
    const ctx = c.get('ctx');
    const current = findWebhook(c);
    inTransaction(ctx, () => ctx.db.prepare('DELETE FROM webhooks WHERE id = ?').run(current.id));
    ctx.webhooks.invalidate();
    return deleted('webhook', current.id);
  });

  // Emulator extension: what was delivered to this webhook's handler (newest last, at most 500 kept).
  app.get('/webhook/:webhook/deliveries', (c) => {
    const id = findWebhook(c).id;
    return json(c.get('ctx').webhooks.log.filter((d) => d.webhook === id));
  });
}
