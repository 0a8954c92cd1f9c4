import type { Page } from '@playwright/test';
import { apiCreate, apiGet, expect, ORRERY, uniqueName } from './fixtures.ts';

export type Paged<T> = { count: number; total?: number; data: T[] };
export type Subprofile = { ID: string; profile: string; fields: Record<string, string>; removed?: unknown; modified: string };

/** Every write (non-GET call to the API) the page sends, as "METHOD path", so a test can count them. */
export function recordWrites(page: Page): string[] {
  const sent: string[] = [];
  // On the context: a request sent while the page unloads (keepalive) is counted too.
  page.context().on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/v3/') && r.method() !== 'GET') sent.push(`${r.method()} ${url.pathname.slice('/api/v3/'.length)}`);
  });
  return sent;
}

/** PUT through the gateway with the page's session. */
export async function apiPut(page: Page, path: string, data: unknown) {
  const res = await page.request.put(`/api/v3/${path}`, { headers: ORRERY, data });
  expect(res.status(), `PUT ${path}`).toBeLessThan(400);
}

/** A database of our own with a field `newsletter` and a collection `orders` (order_id, status). */
export async function seedDatabase(page: Page) {
  const db = await apiCreate(page, 'databases', { name: uniqueName('E2E_destructive') });
  await apiCreate(page, `database/${db}/fields`, { name: 'email', type: 'email', displayed: true });
  await apiCreate(page, `database/${db}/fields`, { name: 'newsletter', type: 'text' });
  const coll = await apiCreate(page, `database/${db}/collections`, { name: 'orders' });
  await apiCreate(page, `collection/${coll}/fields`, { name: 'order_id', type: 'text' });
  await apiCreate(page, `collection/${coll}/fields`, { name: 'status', type: 'text' });
  return { db, coll };
}

/** `profiles` profiles with `perProfile` orders each; even orders are "new", odd ones "old". */
export async function seedOrders(page: Page, db: string, coll: string, profiles: number, perProfile: number) {
  const ids: string[] = [];
  for (let p = 0; p < profiles; p++) {
    const pid = await apiCreate(page, `database/${db}/profiles`, { fields: { email: `d${p}@example.org`, newsletter: 'yes' } });
    ids.push(pid);
    for (let i = 0; i < perProfile; i += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, perProfile - i) }, (_, j) =>
          apiCreate(page, `profile/${pid}/subprofiles/${coll}`, { order_id: `P${p}-${i + j}`, status: (i + j) % 2 ? 'old' : 'new' }),
        ),
      );
    }
  }
  return ids;
}

export async function subprofilesOf(page: Page, coll: string) {
  return (await apiGet<Paged<Subprofile>>(page, `collection/${coll}/subprofiles?limit=1000`)).data;
}
