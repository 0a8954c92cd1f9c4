import type { Page, Request, Response } from '@playwright/test';
import { apiCreate, apiGet, DEMO_TOKEN, expect, uniqueName } from '../fixtures.ts';

/** For what follows a write (a navigation, a toast): the shared e2e server is busy under a full run. */
export const AFTER_WRITE = { timeout: 30_000 };

export type Profile = { ID: string; fields: Record<string, string>; interests: string[]; modified: string };
type Paged<T> = { count: number; total?: number; data: T[] };

/** A database of our own: email and city fields, one interest. */
export async function seedDatabase(page: Page, { profile }: { profile?: Record<string, string> } = {}) {
  const db = await apiCreate(page, 'databases', { name: uniqueName('E2E_writes') });
  await apiCreate(page, `database/${db}/fields`, { name: 'email', type: 'email', displayed: true });
  await apiCreate(page, `database/${db}/fields`, { name: 'city', type: 'text', displayed: true });
  await apiCreate(page, `database/${db}/interests`, { name: 'golf', group: 'sports' });
  const id = profile ? await apiCreate(page, `database/${db}/profiles`, { fields: profile }) : '';
  return { db, id };
}

export async function profilesOf(page: Page, db: string): Promise<Profile[]> {
  return (await apiGet<Paged<Profile>>(page, `database/${db}/profiles?limit=1000`)).data;
}

export async function profileNow(page: Page, id: string): Promise<Profile> {
  return apiGet<Profile>(page, `profile/${id}`);
}

/**
 * Counts what the page sends (and what came back 2xx) for one method and API path, e.g.
 * `countCalls(page, 'PUT', `profile/${id}/fields`)`: the numbers every write test asserts.
 */
export function countCalls(page: Page, method: string, apiPath: string) {
  const wanted = `/api/v3/${apiPath}`;
  const matches = (r: Request) => r.method() === method && new URL(r.url()).pathname === wanted;
  const counts = { sent: 0, succeeded: 0 };
  page.on('request', (r) => {
    if (matches(r)) counts.sent++;
  });
  page.on('response', (res: Response) => {
    if (matches(res.request()) && res.ok()) counts.succeeded++;
  });
  return counts;
}

/**
 * Arms the emulator's test-only fault switch (server/emulator/README.md): the next `method path` request is
 * stored by the emulator, then its answer is lost.
 */
export async function loseNextAnswer(page: Page, method: string, apiPath: string, mode: 'cut' | 'reset' = 'cut') {
  const port = process.env.ORRERY_E2E_EMULATOR_PORT;
  const res = await page.request.post(`http://127.0.0.1:${port}/__faults?access_token=${encodeURIComponent(DEMO_TOKEN)}`, {
    data: { method, path: `/${apiPath}`, mode },
  });
  expect(res.status()).toBe(201);
}
